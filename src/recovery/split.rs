//! Splitting the recovery key into SLIP-39 shares, proving the shares before
//! they are handed out, and rebuilding the key from shares.
//!
//! This module owns the mapping between the vault's recovery key and
//! SLIP-39: the master secret is the key's 32 raw X25519 bytes
//! ([`crate::vault::crypto::identity_to_bytes`]), the SLIP-39 passphrase is
//! empty, the backup is extendable and the iteration exponent is 1, so any
//! SLIP-39 tool (e.g. python-shamir-mnemonic) recombines the shares to the
//! same 32 bytes. Before shares leave the program, [`prove_shares`]
//! recombines every minimal subset (or a large random sample plus a subset
//! through every share) and refuses shares that do not give the key back.

use rand::seq::SliceRandom;
use rand::Rng;

use super::text;
use crate::item::slip39::{self, Slip39Error};
use crate::secret::{SecretBytes, SecretString};
use crate::vault::crypto::{identity_from_bytes, identity_to_bytes, NamedIdentity};

/// SLIP-39 iteration exponent used for recovery-key shares.
pub const ITERATION_EXPONENT: u8 = 1;
/// Minimal subsets recombined exhaustively up to this many; beyond it a
/// random sample of [`SAMPLE_SUBSETS`] plus one subset through every share.
pub const EXHAUSTIVE_LIMIT: u64 = 256;
/// Random subsets checked when there are too many to check all.
pub const SAMPLE_SUBSETS: usize = 200;

/// How the key is split: `group_threshold` of the groups are needed, and
/// within group `i`, `groups[i].0` of its `groups[i].1` shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitPlan {
    /// Groups needed.
    pub group_threshold: u8,
    /// (member threshold, member count) per group.
    pub groups: Vec<(u8, u8)>,
}

impl SplitPlan {
    /// One group: `threshold` of `shares`.
    pub fn simple(threshold: u8, shares: u8) -> SplitPlan {
        SplitPlan {
            group_threshold: 1,
            groups: vec![(threshold, shares)],
        }
    }

    /// Total number of shares.
    pub fn total_shares(&self) -> usize {
        self.groups.iter().map(|g| usize::from(g.1)).sum()
    }
}

/// Parses a group written `KofN` (also `K/N` or `K-of-N`), e.g. `2of3`.
pub fn parse_group(spec: &str) -> Result<(u8, u8), String> {
    let s = spec.trim().to_ascii_lowercase();
    let (k, n) = s
        .split_once("-of-")
        .or_else(|| s.split_once("of"))
        .or_else(|| s.split_once('/'))
        .ok_or_else(|| text::bad_group_spec(spec))?;
    let k: u8 = k.trim().parse().map_err(|_| text::bad_group_spec(spec))?;
    let n: u8 = n.trim().parse().map_err(|_| text::bad_group_spec(spec))?;
    // Found by fuzzing: "0-of-1" read as a group nobody needs to recover.
    if k == 0 || k > n {
        return Err(text::group_threshold_out_of_range(spec));
    }
    Ok((k, n))
}

/// One share ready to hand out.
#[derive(Debug, Clone)]
pub struct ShareOut {
    /// The mnemonic (secret).
    pub mnemonic: SecretString,
    /// Group, 1-based.
    pub group: u8,
    /// Groups in the set.
    pub group_count: u8,
    /// Groups needed.
    pub group_threshold: u8,
    /// Member number within its group, 1-based.
    pub member: u8,
    /// Shares in its group.
    pub member_count: u8,
    /// Shares of its group needed.
    pub member_threshold: u8,
    /// The set identifier shared by all shares of this split.
    pub identifier: u16,
}

/// The result of a proven split.
#[derive(Debug, Clone)]
pub struct ShareSet {
    /// All shares, group by group.
    pub shares: Vec<ShareOut>,
    /// The set identifier.
    pub identifier: u16,
    /// How many minimal subsets were recombined and matched the key.
    pub subsets_checked: usize,
    /// True when every minimal subset was checked (not a sample).
    pub exhaustive: bool,
}

/// Why a split or a recombination failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// SLIP-39 refused the parameters or the shares.
    #[error("{0}")]
    Slip39(#[from] Slip39Error),
    /// The recovery key text does not decode.
    #[error("{0}")]
    BadKey(String),
    /// A subset of the new shares did not give the key back: nothing was
    /// handed out.
    #[error("{}", text::PROOF_FAILED)]
    ProofFailed,
}

/// Splits a recovery key according to `plan` and proves the shares.
pub fn split_recovery_key(key: &SecretString, plan: &SplitPlan) -> Result<ShareSet, SplitError> {
    let secret = identity_to_bytes(key).map_err(|e| SplitError::BadKey(e.to_string()))?;
    let groups = slip39::split(
        secret.expose(),
        b"",
        plan.group_threshold,
        &plan.groups,
        true,
        ITERATION_EXPONENT,
    )?;
    let group_count = plan.groups.len() as u8;
    let mut shares = Vec::with_capacity(plan.total_shares());
    let mut identifier = 0;
    for (gi, (mnemonics, &(k, n))) in groups.into_iter().zip(&plan.groups).enumerate() {
        for (mi, m) in mnemonics.into_iter().enumerate() {
            identifier = slip39::decode_mnemonic(m.expose())?.identifier;
            shares.push(ShareOut {
                mnemonic: m,
                group: gi as u8 + 1,
                group_count,
                group_threshold: plan.group_threshold,
                member: mi as u8 + 1,
                member_count: n,
                member_threshold: k,
                identifier,
            });
        }
    }
    let (checked, exhaustive) = prove_shares(&shares, plan, secret.expose())?;
    Ok(ShareSet {
        shares,
        identifier,
        subsets_checked: checked,
        exhaustive,
    })
}

fn binomial(n: u64, k: u64) -> u64 {
    let mut r: u64 = 1;
    for i in 0..k {
        r = r.saturating_mul(n - i) / (i + 1);
    }
    r
}

/// All `k`-element subsets of `0..n`, in order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    fn go(start: usize, n: usize, k: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for i in start..n {
            if n - i < k - cur.len() {
                break;
            }
            cur.push(i);
            go(i + 1, n, k, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    if k <= n {
        go(0, n, k, &mut Vec::with_capacity(k), &mut out);
    }
    out
}

/// The number of minimal subsets: choices of `group_threshold` groups, and
/// in each chosen group, of exactly its threshold of shares.
pub fn minimal_subset_count(plan: &SplitPlan) -> u64 {
    combinations(plan.groups.len(), usize::from(plan.group_threshold))
        .iter()
        .map(|gs| {
            gs.iter()
                .map(|&g| binomial(u64::from(plan.groups[g].1), u64::from(plan.groups[g].0)))
                .fold(1u64, u64::saturating_mul)
        })
        .fold(0u64, u64::saturating_add)
}

/// Indices (into the flat share list) of every minimal subset.
fn all_minimal_subsets(plan: &SplitPlan) -> Vec<Vec<usize>> {
    let offsets: Vec<usize> = plan
        .groups
        .iter()
        .scan(0usize, |acc, g| {
            let o = *acc;
            *acc += usize::from(g.1);
            Some(o)
        })
        .collect();
    let mut out = Vec::new();
    for gs in combinations(plan.groups.len(), usize::from(plan.group_threshold)) {
        let mut partial: Vec<Vec<usize>> = vec![Vec::new()];
        for &g in &gs {
            let (k, n) = plan.groups[g];
            let members = combinations(usize::from(n), usize::from(k));
            partial = partial
                .iter()
                .flat_map(|p| {
                    let base = offsets[g];
                    members.iter().map(move |m| {
                        let mut v = p.clone();
                        v.extend(m.iter().map(|i| base + i));
                        v
                    })
                })
                .collect();
        }
        out.extend(partial);
    }
    out
}

/// A random minimal subset; when `through` is given, one that contains it.
fn random_minimal_subset(
    plan: &SplitPlan,
    through: Option<usize>,
    rng: &mut impl Rng,
) -> Vec<usize> {
    let offsets: Vec<usize> = plan
        .groups
        .iter()
        .scan(0usize, |acc, g| {
            let o = *acc;
            *acc += usize::from(g.1);
            Some(o)
        })
        .collect();
    let group_of = |i: usize| offsets.iter().rposition(|&o| o <= i).unwrap_or(0);
    let mut groups: Vec<usize> = (0..plan.groups.len()).collect();
    groups.shuffle(rng);
    let mut chosen: Vec<usize> = groups
        .into_iter()
        .take(usize::from(plan.group_threshold))
        .collect();
    if let Some(t) = through {
        let g = group_of(t);
        if !chosen.contains(&g) {
            chosen[0] = g;
        }
    }
    let mut out = Vec::new();
    for g in chosen {
        let (k, n) = plan.groups[g];
        let mut members: Vec<usize> = (0..usize::from(n)).map(|m| offsets[g] + m).collect();
        members.shuffle(rng);
        let mut pick: Vec<usize> = members.into_iter().take(usize::from(k)).collect();
        if let Some(t) = through {
            if group_of(t) == g && !pick.contains(&t) {
                pick[0] = t;
            }
        }
        out.extend(pick);
    }
    out
}

/// Recombines minimal subsets of `shares` and checks each gives `expected`.
/// Returns how many were checked and whether that was all of them.
pub fn prove_shares(
    shares: &[ShareOut],
    plan: &SplitPlan,
    expected: &[u8],
) -> Result<(usize, bool), SplitError> {
    prove_shares_with(shares, plan, expected, EXHAUSTIVE_LIMIT, SAMPLE_SUBSETS)
}

fn prove_shares_with(
    shares: &[ShareOut],
    plan: &SplitPlan,
    expected: &[u8],
    exhaustive_limit: u64,
    sample: usize,
) -> Result<(usize, bool), SplitError> {
    let total = minimal_subset_count(plan);
    let (subsets, exhaustive) = if total <= exhaustive_limit {
        (all_minimal_subsets(plan), true)
    } else {
        let mut rng = rand::rngs::OsRng;
        let mut v: Vec<Vec<usize>> = (0..shares.len())
            .map(|i| random_minimal_subset(plan, Some(i), &mut rng))
            .collect();
        while v.len() < sample + shares.len() {
            v.push(random_minimal_subset(plan, None, &mut rng));
        }
        (v, false)
    };
    for subset in &subsets {
        let list: Vec<&str> = subset
            .iter()
            .map(|&i| shares[i].mnemonic.expose())
            .collect();
        let got = slip39::combine(&list, b"").map_err(|_| SplitError::ProofFailed)?;
        if !bool::from(subtle::ConstantTimeEq::ct_eq(got.expose(), expected)) {
            return Err(SplitError::ProofFailed);
        }
    }
    Ok((subsets.len(), exhaustive))
}

impl ShareOut {
    /// What the share is, for its trustee: which share of how many, how
    /// many are needed, the set (never secret).
    pub fn label(&self) -> String {
        text::share_label(
            self.member,
            self.member_count,
            self.member_threshold,
            self.group,
            self.group_count,
            self.group_threshold,
            self.identifier,
        )
    }

    /// The name of the file the share is written to in a folder.
    pub fn file_name(&self) -> String {
        format!(
            "lifeboat-share-{}-g{}-{}.txt",
            self.identifier, self.group, self.member
        )
    }

    /// The share file's content: a commented header with the label, then
    /// the mnemonic on its own line ([`mnemonics_from_text`] reads it back).
    pub fn file_text(&self) -> SecretString {
        SecretString::new(format!(
            "{}{}\n",
            text::share_file_header(&self.label()),
            self.mnemonic.expose()
        ))
    }
}

/// Writes every share of `set` into `dir` (created 0700 when missing), one
/// new 0600 file each, and returns the paths in share order. Every name is
/// checked before the first write, so a folder that already holds one of
/// the files gets nothing. Both front ends write shares through here, so a
/// share file is the same whichever made it.
pub fn write_share_files(
    dir: &std::path::Path,
    set: &ShareSet,
) -> Result<Vec<std::path::PathBuf>, String> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if !dir.is_dir() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| text::cannot_create(&dir.display().to_string(), &e.to_string()))?;
    }
    let mut files = Vec::with_capacity(set.shares.len());
    for s in &set.shares {
        let p = dir.join(s.file_name());
        if p.exists() {
            return Err(text::share_file_exists(&p.display().to_string()));
        }
        files.push(p);
    }
    for (s, p) in set.shares.iter().zip(&files) {
        let shown = p.display().to_string();
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(p)
            .map_err(|e| text::cannot_create(&shown, &e.to_string()))?;
        f.write_all(s.file_text().expose().as_bytes())
            .and_then(|()| f.sync_all())
            .map_err(|e| text::write_failed(&shown, &e.to_string()))?;
    }
    Ok(files)
}

/// Extracts share mnemonics from text: one per line, blank lines and `#`
/// comment lines skipped (so share files written by `split --out` can be
/// concatenated as they are).
pub fn mnemonics_from_text(text: &str) -> Vec<SecretString> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| SecretString::from(l.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

/// Rebuilds the recovery key from shares (empty SLIP-39 passphrase).
pub fn rebuild_key(mnemonics: &[SecretString]) -> Result<NamedIdentity, SplitError> {
    let list: Vec<&str> = mnemonics.iter().map(|m| m.expose()).collect();
    let secret: SecretBytes = slip39::combine(&list, b"")?;
    identity_from_bytes(secret.expose()).map_err(|e| SplitError::BadKey(e.to_string()))
}

/// What one typed word turned out to be (interactive share entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordMatch {
    /// Exactly one list word starts with what was typed (or it is a word).
    Word(&'static str),
    /// Several words start with it; type more letters.
    Ambiguous(Vec<&'static str>),
    /// No word starts with it; these are close.
    Unknown(Vec<&'static str>),
}

/// Resolves a typed word or prefix against the SLIP-39 list: four letters
/// always pin a word down.
pub fn resolve_word(typed: &str) -> WordMatch {
    let t = typed.trim().to_lowercase();
    let hits = slip39::complete(&t);
    if let Some(exact) = hits.iter().find(|w| **w == t) {
        return WordMatch::Word(exact);
    }
    match hits.len() {
        1 => WordMatch::Word(hits[0]),
        0 => WordMatch::Unknown(slip39::suggest(&t)),
        _ => WordMatch::Ambiguous(hits),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn group_thresholds_out_of_range_are_refused() {
        // Regression (fuzzing): these were read as (0, 1) and (3, 2).
        for bad in ["0-of-1", "0of3", "3of2", "0/0"] {
            assert!(super::parse_group(bad).is_err(), "{bad}");
        }
        assert_eq!(super::parse_group("2-of-3"), Ok((2, 3)));
        assert_eq!(super::parse_group("1of1"), Ok((1, 1)));
    }

    use super::*;

    #[test]
    fn share_files_are_private_named_by_set_and_never_overwritten() {
        use std::os::unix::fs::PermissionsExt;
        let key = NamedIdentity::generate().text;
        let set = split_recovery_key(&key, &SplitPlan::simple(2, 3)).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new").join("shares");
        let files = write_share_files(&out, &set).unwrap();
        assert_eq!(files.len(), 3);
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let mut read = Vec::new();
        for (s, p) in set.shares.iter().zip(&files) {
            assert_eq!(p.file_name().unwrap().to_str().unwrap(), s.file_name());
            let mode = std::fs::metadata(p).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            let body = std::fs::read_to_string(p).unwrap();
            assert!(body.contains(&s.label()), "{body}");
            read.extend(mnemonics_from_text(&body));
        }
        assert_eq!(rebuild_key(&read[1..]).unwrap().text.expose(), key.expose());
        // The same set again: refused before any write, the files intact.
        let before: Vec<_> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
        std::fs::remove_file(&files[0]).unwrap();
        let e = write_share_files(&out, &set).unwrap_err();
        assert!(e.contains("already exists"), "{e}");
        assert!(!files[0].exists(), "nothing written on refusal");
        let after: Vec<_> = files[1..]
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        assert_eq!(before[1..], after[..]);
    }

    #[test]
    fn group_specs_parse() {
        assert_eq!(parse_group("2of3").unwrap(), (2, 3));
        assert_eq!(parse_group("2-of-3").unwrap(), (2, 3));
        assert_eq!(parse_group(" 1/1 ").unwrap(), (1, 1));
        assert!(parse_group("2x3").is_err());
        assert!(parse_group("of3").is_err());
    }

    #[test]
    fn subsets_are_counted_and_enumerated() {
        let p = SplitPlan::simple(3, 5);
        assert_eq!(minimal_subset_count(&p), 10);
        assert_eq!(all_minimal_subsets(&p).len(), 10);
        let p = SplitPlan {
            group_threshold: 2,
            groups: vec![(2, 3), (1, 1), (3, 5)],
        };
        // {g1,g2}: 3*1, {g1,g3}: 3*10, {g2,g3}: 1*10
        assert_eq!(minimal_subset_count(&p), 43);
        let all = all_minimal_subsets(&p);
        assert_eq!(all.len(), 43);
        assert!(all.iter().all(|s| s.iter().all(|&i| i < 9)));
        assert_eq!(minimal_subset_count(&SplitPlan::simple(8, 16)), 12870);
    }

    #[test]
    fn random_subsets_go_through_the_share_asked_for() {
        let p = SplitPlan {
            group_threshold: 2,
            groups: vec![(2, 3), (2, 4), (3, 5)],
        };
        let mut rng = rand::thread_rng();
        for t in 0..12 {
            let s = random_minimal_subset(&p, Some(t), &mut rng);
            assert!(s.contains(&t), "{t} {s:?}");
            assert!(s.len() == 4 || s.len() == 5);
        }
    }

    #[test]
    fn split_proves_and_rebuilds() {
        let id = NamedIdentity::generate();
        let set = split_recovery_key(&id.text, &SplitPlan::simple(2, 3)).unwrap();
        assert!(set.exhaustive);
        assert_eq!(set.subsets_checked, 3);
        let key = rebuild_key(
            &set.shares[1..]
                .iter()
                .map(|s| s.mnemonic.clone())
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(key.recipient, id.recipient);
    }

    #[test]
    fn tampered_share_fails_the_proof() {
        let id = NamedIdentity::generate();
        let plan = SplitPlan::simple(2, 3);
        let mut set = split_recovery_key(&id.text, &plan).unwrap();
        let other = split_recovery_key(&id.text, &plan).unwrap();
        // A share of another split of the same key does not combine with these.
        set.shares[2] = other.shares[2].clone();
        let secret = identity_to_bytes(&id.text).unwrap();
        assert!(matches!(
            prove_shares(&set.shares, &plan, secret.expose()),
            Err(SplitError::ProofFailed)
        ));
    }

    #[test]
    fn sampled_proof_goes_through_every_share() {
        let id = NamedIdentity::generate();
        let plan = SplitPlan {
            group_threshold: 2,
            groups: vec![(2, 3), (1, 1)],
        };
        let set = split_recovery_key(&id.text, &plan).unwrap();
        let secret = identity_to_bytes(&id.text).unwrap();
        let (checked, exhaustive) =
            prove_shares_with(&set.shares, &plan, secret.expose(), 0, 2).unwrap();
        assert!(!exhaustive);
        assert_eq!(checked, 2 + set.shares.len());
    }

    #[test]
    fn words_resolve() {
        assert_eq!(resolve_word("acad"), WordMatch::Word("academic"));
        assert_eq!(resolve_word("ACADEMIC"), WordMatch::Word("academic"));
        assert!(matches!(resolve_word("ac"), WordMatch::Ambiguous(v) if v.len() > 1));
        assert!(matches!(resolve_word("acadx"), WordMatch::Unknown(v) if v.contains(&"academic")));
    }

    #[test]
    fn mnemonic_text_skips_comments() {
        let t = "# share 1\n\n  a  b c \n#x\nd e\n";
        let m = mnemonics_from_text(t);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].expose(), "a b c");
    }
}
