//! TOTP/HOTP codes and otpauth URIs compared live with independent
//! implementations: `oathtool` (C, liboath) and PyPI `pyotp`. Each oracle
//! runs once per test with a batch of random cases. The random seed is
//! printed so a failure can be replayed with LIFEBOAT_TEST_SEED.

mod common;

use lifeboat::item::totp::{code_at, encode_base32, hotp, parse_otpauth, to_otpauth};
use lifeboat::item::{OtpAlgorithm, OtpType, Secret};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn rng() -> StdRng {
    let seed = std::env::var("LIFEBOAT_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("LIFEBOAT_TEST_SEED={seed}");
    StdRng::seed_from_u64(seed)
}

const ALGS: [OtpAlgorithm; 3] = [
    OtpAlgorithm::Sha1,
    OtpAlgorithm::Sha256,
    OtpAlgorithm::Sha512,
];
const PERIODS: [u64; 6] = [30, 60, 15, 10, 90, 3600];

struct Case {
    key: Vec<u8>,
    secret: Secret,
    time: u64,
}

fn random_case(rng: &mut StdRng, otp_type: OtpType) -> Case {
    let len = [10, 16, 20, 32, 64][rng.gen_range(0..5)];
    let key: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
    let secret = Secret::Totp {
        secret: encode_base32(&key),
        issuer: Some(["GitHub", "Bank & Co", "Zoë:EU", "例え"][rng.gen_range(0..4)].into()),
        label: Some(["alice@example.com", "bob smith", "c/d?e=f"][rng.gen_range(0..3)].into()),
        algorithm: ALGS[rng.gen_range(0..3)],
        digits: rng.gen_range(6..=8),
        period: PERIODS[rng.gen_range(0..PERIODS.len())],
        otp_type,
        counter: if otp_type == OtpType::Hotp {
            rng.gen_range(0..1_000_000)
        } else {
            0
        },
    };
    Case {
        key,
        secret,
        time: rng.gen_range(0..4_102_444_800),
    }
}

#[test]
fn totp_and_hotp_match_oathtool() {
    let Some(oathtool) = common::oracle_tool("oathtool") else {
        return;
    };
    let mut rng = rng();
    let mut script = String::new();
    let mut ours = Vec::new();
    for i in 0..60 {
        let hotp_case = i % 4 == 3;
        let case = random_case(
            &mut rng,
            if hotp_case {
                OtpType::Hotp
            } else {
                OtpType::Totp
            },
        );
        let Secret::Totp {
            algorithm,
            digits,
            period,
            counter,
            secret,
            ..
        } = &case.secret
        else {
            unreachable!()
        };
        let hexkey = hex::encode(&case.key);
        if hotp_case {
            // oathtool's HOTP mode is SHA1 only.
            script.push_str(&format!(
                "{} --hotp -c {counter} -d {digits} {hexkey}\n",
                oathtool.display()
            ));
            ours.push(hotp(&case.key, *counter, *digits, OtpAlgorithm::Sha1));
        } else {
            let mode = algorithm.as_str().to_lowercase();
            // Alternate hex and base32 key input to cover both readers.
            if i % 2 == 0 {
                script.push_str(&format!(
                    "{} --totp={mode} -d {digits} -s {period}s --now @{} {hexkey}\n",
                    oathtool.display(),
                    case.time
                ));
            } else {
                script.push_str(&format!(
                    "{} --totp={mode} -d {digits} -s {period}s --now @{} -b {}\n",
                    oathtool.display(),
                    case.time,
                    secret.expose()
                ));
            }
            ours.push(code_at(&case.secret, case.time).unwrap());
        }
    }
    let out = std::process::Command::new("sh")
        .arg("-e")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(theirs.len(), ours.len());
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(a, b, "case {i}: {}", script.lines().nth(i).unwrap());
    }
}

/// Our URIs, read by pyotp, give pyotp the same codes we compute; pyotp's
/// own provisioning URIs, read by us, give us the codes pyotp computes.
#[test]
fn otpauth_uris_interoperate_with_pyotp() {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let mut rng = rng();
    let mut input = String::new();
    let mut ours = Vec::new();
    for i in 0..80 {
        let otp_type = if i % 5 == 4 {
            OtpType::Hotp
        } else {
            OtpType::Totp
        };
        let mut case = random_case(&mut rng, otp_type);
        // pyotp refuses keys under 112 bits; keep to what it reads.
        if case.key.len() < 16 {
            case.key.resize(16, 7);
            if let Secret::Totp { secret, .. } = &mut case.secret {
                *secret = encode_base32(&case.key);
            }
        }
        // pyotp refuses periods over 120 s (oathtool covers longer ones).
        if let Secret::Totp { period, .. } = &mut case.secret {
            if *period > 120 {
                *period = 30;
            }
        }
        let uri = to_otpauth(&case.secret).unwrap();
        input.push_str(&format!("{uri} {}\n", case.time));
        ours.push(code_at(&case.secret, case.time).unwrap());
    }
    let code = r#"
import sys, pyotp
for line in sys.stdin:
    uri, t = line.split()
    otp = pyotp.parse_uri(uri)
    if isinstance(otp, pyotp.TOTP):
        print(otp.at(int(t)), otp.issuer, otp.name, sep="\t")
    else:
        print(otp.at(0), otp.issuer, otp.name, sep="\t")
"#;
    let out = common::run_python(&py, code, &input);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), ours.len());
    for (i, line) in lines.iter().enumerate() {
        let uri = input.lines().nth(i).unwrap();
        let mut f = line.split('\t');
        assert_eq!(f.next().unwrap(), ours[i], "case {i}: {uri}");
        let back = parse_otpauth(uri.split(' ').next().unwrap()).unwrap();
        let Secret::Totp { issuer, label, .. } = &back else {
            unreachable!()
        };
        assert_eq!(
            f.next().unwrap(),
            issuer.as_deref().unwrap(),
            "issuer, case {i}: {uri}"
        );
        assert_eq!(
            f.next().unwrap(),
            label.as_deref().unwrap(),
            "account, case {i}: {uri}"
        );
    }

    // The other direction: pyotp writes, we read.
    let code = r#"
import sys, random, hashlib, pyotp
rnd = random.Random(int(sys.stdin.read()))
for i in range(60):
    s = pyotp.random_base32(length=rnd.choice([32, 52, 103]))
    alg = rnd.choice(["sha1", "sha256", "sha512"])
    digits = rnd.choice([6, 7, 8])
    t = rnd.randrange(0, 4102444800)
    issuer = rnd.choice(["GitHub", "Bank & Co", "Zoë Ltd", "例え", None])
    name = rnd.choice(["alice@example.com", "bob smith", "x+y@z"])
    if i % 6 == 5:
        c = rnd.randrange(0, 10**6)
        otp = pyotp.HOTP(s, digits=digits, digest=getattr(hashlib, alg), initial_count=c)
        code = otp.at(0)
    else:
        p = rnd.choice([30, 60, 15, 45])
        otp = pyotp.TOTP(s, digits=digits, digest=getattr(hashlib, alg), interval=p)
        code = otp.at(t)
    print(otp.provisioning_uri(name=name, issuer_name=issuer), t, code, issuer or "", name, sep="\t")
"#;
    let out = common::run_python(&py, code, &rng.gen::<u32>().to_string());
    let mut n = 0;
    for line in out.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let secret = parse_otpauth(f[0]).unwrap_or_else(|e| panic!("{e}: {}", f[0]));
        let t: u64 = f[1].parse().unwrap();
        assert_eq!(code_at(&secret, t).unwrap(), f[2], "{}", f[0]);
        let Secret::Totp { issuer, label, .. } = &secret else {
            unreachable!()
        };
        assert_eq!(issuer.as_deref().unwrap_or(""), f[3], "{}", f[0]);
        assert_eq!(label.as_deref().unwrap(), f[4], "{}", f[0]);
        n += 1;
    }
    assert_eq!(n, 60);
}
