//! Constant-time arithmetic in GF(256) for SLIP-39 secret sharing.
//!
//! This module owns the finite-field operations that Shamir sharing runs on:
//! addition, multiplication and inversion in GF(2^8) with the Rijndael
//! reduction polynomial x^8 + x^4 + x^3 + x + 1 (the field SLIP-39 fixes), and
//! Lagrange interpolation of byte-string shares.
//!
//! Every operation touches share bytes only through fixed sequences of shifts,
//! masks and XORs: there are no log/exp tables indexed by secret data and no
//! branches on secret values, so the time taken does not depend on the
//! secret. The share *indices* (x coordinates) are public metadata printed in
//! every mnemonic, but they go through the same constant-time code anyway.

use zeroize::Zeroizing;

/// The low byte of the reduction polynomial x^8 + x^4 + x^3 + x + 1.
const REDUCTION: u8 = 0x1b;

/// Addition (and subtraction) in GF(256): bitwise XOR.
#[inline]
pub fn add(a: u8, b: u8) -> u8 {
    a ^ b
}

/// Multiplication in GF(256), by shift-and-add over all eight bits of `b`.
///
/// Branch-free: each step turns a bit into an all-zeros or all-ones mask
/// instead of testing it, so the time taken is the same for every input.
#[inline]
pub fn mul(a: u8, b: u8) -> u8 {
    let mut a = a;
    let mut b = b;
    let mut product = 0u8;
    for _ in 0..8 {
        product ^= a & 0u8.wrapping_sub(b & 1);
        // Multiply `a` by x, reducing when the top bit falls off.
        let carry = 0u8.wrapping_sub(a >> 7);
        a = (a << 1) ^ (carry & REDUCTION);
        b >>= 1;
    }
    product
}

/// Multiplicative inverse in GF(256), computed as `a^254` (Fermat), so it
/// runs the same fixed chain of multiplications for every input.
///
/// The inverse of 0 does not exist; this returns 0 for it, which callers
/// must rule out on public data (interpolation does, by refusing duplicate
/// share indices).
pub fn inv(a: u8) -> u8 {
    // 254 = 0b1111_1110: square-and-multiply with a fixed schedule.
    let a2 = mul(a, a); // a^2
    let a3 = mul(a2, a); // a^3
    let a6 = mul(a3, a3); // a^6
    let a12 = mul(a6, a6); // a^12
    let a15 = mul(a12, a3); // a^15
    let a30 = mul(a15, a15); // a^30
    let a60 = mul(a30, a30); // a^60
    let a63 = mul(a60, a3); // a^63
    let a126 = mul(a63, a63); // a^126
    let a127 = mul(a126, a); // a^127
    mul(a127, a127) // a^254
}

/// Division `a / b` in GF(256); `b` must be non-zero.
#[inline]
pub fn div(a: u8, b: u8) -> u8 {
    mul(a, inv(b))
}

/// Why interpolation was refused. Both cases concern public share metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterpolationError {
    /// No points were given.
    NoPoints,
    /// Two points share an x coordinate (this index is repeated).
    DuplicateX(u8),
    /// The points' byte strings differ in length.
    LengthMismatch,
}

/// Evaluates at `x` the polynomials (one per byte position) that pass
/// through `points`, each an `(x_i, y_i)` pair with `y_i` a byte string.
///
/// Uses the Lagrange form: `f(x) = sum_i y_i * prod_{j != i} (x - x_j) / (x_i - x_j)`.
/// If `x` is one of the `x_i`, the basis weights come out as 1 for that point
/// and 0 for the others, so the same arithmetic returns its `y_i` without a
/// special case.
///
/// The result is wrapped in [`Zeroizing`] because it is usually secret.
pub fn interpolate(
    points: &[(u8, &[u8])],
    x: u8,
) -> Result<Zeroizing<Vec<u8>>, InterpolationError> {
    let (_, first) = points.first().ok_or(InterpolationError::NoPoints)?;
    let len = first.len();
    if points.iter().any(|(_, y)| y.len() != len) {
        return Err(InterpolationError::LengthMismatch);
    }
    for (i, (xi, _)) in points.iter().enumerate() {
        if points[..i].iter().any(|(xj, _)| xj == xi) {
            return Err(InterpolationError::DuplicateX(*xi));
        }
    }

    let mut result = Zeroizing::new(vec![0u8; len]);
    for (i, (xi, yi)) in points.iter().enumerate() {
        let mut numerator = 1u8;
        let mut denominator = 1u8;
        for (j, (xj, _)) in points.iter().enumerate() {
            if i != j {
                numerator = mul(numerator, add(x, *xj));
                denominator = mul(denominator, add(*xi, *xj));
            }
        }
        let weight = div(numerator, denominator);
        for (out, y) in result.iter_mut().zip(yi.iter()) {
            *out ^= mul(*y, weight);
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slow, obviously-correct reference multiply (Russian peasant with
    /// branches), used only to check the constant-time version.
    fn mul_reference(mut a: u8, mut b: u8) -> u8 {
        let mut p = 0u8;
        while b != 0 {
            if b & 1 == 1 {
                p ^= a;
            }
            let hi = a & 0x80 != 0;
            a <<= 1;
            if hi {
                a ^= REDUCTION;
            }
            b >>= 1;
        }
        p
    }

    #[test]
    fn multiplication_matches_reference_for_all_pairs() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                assert_eq!(mul(a, b), mul_reference(a, b), "{a} * {b}");
            }
        }
    }

    #[test]
    fn known_products_from_aes() {
        // FIPS-197 section 4.2: {57} * {83} = {c1}, {57} * {13} = {fe}.
        assert_eq!(mul(0x57, 0x83), 0xc1);
        assert_eq!(mul(0x57, 0x13), 0xfe);
    }

    #[test]
    fn every_nonzero_element_has_an_inverse() {
        assert_eq!(inv(0), 0);
        for a in 1..=255u8 {
            assert_eq!(mul(a, inv(a)), 1, "inverse of {a}");
        }
        // FIPS-197 section 4.2.1 example: {53}^-1 = {ca}.
        assert_eq!(inv(0x53), 0xca);
    }

    #[test]
    fn interpolation_recovers_a_polynomial() {
        // f(x) = 7 + 3x + 5x^2 per byte position, with two positions.
        let f = |x: u8| add(add(7, mul(3, x)), mul(5, mul(x, x)));
        let g = |x: u8| add(200, mul(9, x));
        let ys: Vec<[u8; 2]> = [1u8, 2, 3, 4].iter().map(|&x| [f(x), g(x)]).collect();
        let points: Vec<(u8, &[u8])> = [1u8, 2, 3]
            .iter()
            .zip(&ys)
            .map(|(x, y)| (*x, &y[..]))
            .collect();
        assert_eq!(*interpolate(&points, 0).unwrap(), vec![7, 200]);
        assert_eq!(*interpolate(&points, 4).unwrap(), ys[3].to_vec());
        assert_eq!(*interpolate(&points, 2).unwrap(), ys[1].to_vec());
        assert_eq!(*interpolate(&points, 255).unwrap(), vec![f(255), g(255)]);
    }

    #[test]
    fn interpolation_refuses_bad_points() {
        let a = [1u8, 2];
        let b = [3u8];
        assert_eq!(interpolate(&[], 0), Err(InterpolationError::NoPoints));
        assert_eq!(
            interpolate(&[(1, &a[..]), (1, &a[..])], 0),
            Err(InterpolationError::DuplicateX(1))
        );
        assert_eq!(
            interpolate(&[(1, &a[..]), (2, &b[..])], 0),
            Err(InterpolationError::LengthMismatch)
        );
    }
}
