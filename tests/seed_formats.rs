//! Seeds lifeboat cannot or must not treat as BIP39, end to end through the
//! real binary: `--scheme other` kept byte for byte, Electrum seeds
//! recognised by their version (seeds made by an independent Python
//! implementation of Electrum's rule), and what is refused.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;

/// Regression: `--scheme other` lower-cased, NFKD-normalized and collapsed
/// the text, so an XRP secret lost its checksum.
#[test]
fn scheme_other_is_stored_and_shown_byte_for_byte() {
    let env = Env::new();
    for (name, given, stored) in [
        (
            "xrp",
            "  snoPBrXtMeMyMHUVTgbuqAfg1SUTb \n",
            "snoPBrXtMeMyMHUVTgbuqAfg1SUTb",
        ),
        // Precomposed é stays precomposed; inner double spaces and tabs stay.
        ("odd", "\tCaf\u{e9}  Word\tTwo\n", "Caf\u{e9}  Word\tTwo"),
        ("fullwidth", "ＡＢＣ １２３", "ＡＢＣ １２３"),
    ] {
        env.run_in(&["add", "seed", name, "--scheme", "other"], given)
            .ok();
        let v = env.reveal(name);
        assert_eq!(v["secret"]["words"], stored, "{name}");
        assert_eq!(v["secret"]["scheme"], "other");
        let human = env.run(&["show", name, "--reveal"]).ok().stdout;
        assert!(human.contains(stored), "{name}: {human}");
    }
}

/// Electrum's own test suite lists this phrase as a segwit seed.
const ELECTRUM_SEGWIT: &str =
    "wild father tree among universe such mobile favorite target dynamic credit identify";

/// Seeds of each Electrum kind, made in Python from the BIP39 English list
/// (as Electrum does) with Electrum's published version rule.
fn electrum_seeds() -> Option<Vec<(String, String)>> {
    let py = common::oracle_python()?;
    let code = r#"
import hmac, hashlib, random, unicodedata
from mnemonic import Mnemonic
words = Mnemonic("english").wordlist
m = Mnemonic("english")
def norm(s):
    s = unicodedata.normalize("NFKD", s).lower()
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split())
rng = random.Random(7)
want = {"01": "standard", "100": "segwit", "101": "2fa", "102": "2fa-segwit"}
found = {}
while len(found) < 4:
    phrase = " ".join(rng.choice(words) for _ in range(12))
    if m.check(phrase):
        continue
    h = hmac.new(b"Seed version", norm(phrase).encode(), hashlib.sha512).hexdigest()
    for prefix, kind in want.items():
        if h.startswith(prefix) and kind not in found:
            found[kind] = phrase
for kind, phrase in sorted(found.items()):
    print(kind + "|" + phrase)
"#;
    let out = common::run_python(&py, code, "");
    Some(
        out.lines()
            .map(|l| {
                let (k, p) = l.split_once('|').unwrap();
                (k.to_owned(), p.to_owned())
            })
            .collect(),
    )
}

#[test]
fn electrum_seeds_are_recognised_not_called_typos() {
    let Some(mut seeds) = electrum_seeds() else {
        return;
    };
    seeds.push(("segwit".into(), ELECTRUM_SEGWIT.into()));
    let env = Env::new();
    for (n, (kind, phrase)) in seeds.iter().enumerate() {
        let name = format!("electrum {n}");
        // Typed carelessly: upper case and extra spaces.
        let typed = format!("  {}  ", phrase.to_uppercase().replace(' ', "   "));
        let out = env.run_in(&["add", "seed", &name], &typed).ok();
        assert!(
            out.stderr.contains(&format!("Electrum seed ({kind})")),
            "{kind}: {}",
            out.stderr
        );
        let v = env.reveal(&name);
        assert_eq!(v["secret"]["scheme"], "electrum");
        assert_eq!(v["secret"]["words"], phrase.as_str());
        assert_eq!(
            lifeboat::item::seed::electrum_kind(phrase).map(|k| k.as_str()),
            Some(kind.as_str())
        );
        // Asked for BIP39 explicitly: refused with the reason.
        let before = env.vault_bytes();
        let out = env
            .run_in(&["add", "seed", "again", "--scheme", "bip39"], phrase)
            .code(1);
        assert!(out.stderr.contains("Electrum seed"), "{}", out.stderr);
        assert_eq!(env.vault_bytes(), before);
        // And as electrum explicitly: stored.
        env.run_in(
            &[
                "add",
                "seed",
                &format!("explicit {n}"),
                "--scheme",
                "electrum",
            ],
            phrase,
        )
        .ok();
    }
}

#[test]
fn a_bip39_phrase_is_not_an_electrum_seed() {
    let env = Env::new();
    let before = env.vault_bytes();
    let about = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let out = env
        .run_in(&["add", "seed", "x", "--scheme", "electrum"], about)
        .code(1);
    assert!(
        out.stderr.contains("not an Electrum seed"),
        "{}",
        out.stderr
    );
    assert_eq!(env.vault_bytes(), before);
    // A phrase that is neither is still a BIP39 typo with suggestions.
    let typo = about.replace("about", "abuot");
    let out = env.run_in(&["add", "seed", "x"], &typo).code(1);
    assert!(out.stderr.contains("did you mean"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
}

const ABOUT: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

#[test]
fn four_letter_short_forms_are_expanded_only_when_confirmed() {
    let env = Env::new();
    let before = env.vault_bytes();
    // As engraved on a plate: four letters per word, full words kept.
    let short = "aban aban aban aban aban aban aban aban aban aban aban abou";
    // Off a terminal nothing is stored without the explicit flag, and the
    // words are not echoed.
    let out = cli_items_harness::run_command(
        {
            let mut c = std::process::Command::new("setsid");
            c.arg(cli_items_harness::bin())
                .args(["--vault", env.vault.to_str().unwrap()])
                .args([
                    "--identity",
                    env.key.to_str().unwrap(),
                    "add",
                    "seed",
                    "plate",
                ]);
            c
        },
        short,
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains("4-letter short forms"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--expand-short"), "{}", out.stderr);
    assert!(!out.stderr.contains("abandon"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
    env.run_in(&["add", "seed", "plate", "--expand-short"], short)
        .ok();
    assert_eq!(env.reveal("plate")["secret"]["words"], ABOUT);
    // Ambiguous or wrong short forms are still typos, not guesses.
    let wrong = short.replace("abou", "abxx");
    let out = env
        .run_in(&["add", "seed", "x", "--expand-short"], &wrong)
        .code(1);
    assert!(
        out.stderr.contains("not in the BIP39 word list"),
        "{}",
        out.stderr
    );
    // A checksum that fails after expansion is not stored either.
    let bad = short.replace("abou", "aban");
    env.run_in(&["add", "seed", "x", "--expand-short"], &bad)
        .code(1);
}

#[test]
fn bip39_passphrase_from_a_file_descriptor() {
    let env = Env::new();
    let pass = env.path("p");
    std::fs::write(&pass, "TREZOR\nignored\n").unwrap();
    let mut c = std::process::Command::new("bash");
    c.arg("-c")
        .arg("exec \"$0\" --vault \"$1\" --identity \"$2\" add seed s --bip39-passphrase-fd 3 3<\"$3\"")
        .arg(cli_items_harness::bin())
        .arg(&env.vault)
        .arg(&env.key)
        .arg(&pass);
    let out = cli_items_harness::run_command(c, ABOUT);
    assert_eq!(out.code, 0, "{out:?}");
    let v = env.reveal("s");
    assert_eq!(v["secret"]["passphrase"], "TREZOR");
    assert_eq!(v["secret"]["words"], ABOUT);
    // An empty descriptor stores nothing.
    let before = env.vault_bytes();
    std::fs::write(&pass, "").unwrap();
    let mut c = std::process::Command::new("bash");
    c.arg("-c")
        .arg("exec \"$0\" --vault \"$1\" --identity \"$2\" add seed t --bip39-passphrase-fd 3 3<\"$3\"")
        .arg(cli_items_harness::bin())
        .arg(&env.vault)
        .arg(&env.key)
        .arg(&pass);
    let out = cli_items_harness::run_command(c, ABOUT);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(env.vault_bytes(), before);
}
