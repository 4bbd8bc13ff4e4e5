//! `lifeboat demo`: a throwaway vault in a fresh temporary folder, filled
//! with clearly fake sample items and one playbook in progress, opened in
//! the TUI without a passphrase prompt. The folder is removed on exit.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use crate::item::{Item, RecoveryCode, Secret, SeedScheme};
use crate::secret::SecretString;
use crate::vault::crypto::KdfParams;
use crate::vault::{Vault, VaultError};

/// The BIP39 test mnemonic (all-zero entropy): public, never a real wallet.
pub const TEST_MNEMONIC: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

/// A temporary folder removed (with its contents) when dropped.
#[derive(Debug)]
pub struct DemoDir {
    path: PathBuf,
}

impl DemoDir {
    /// Creates `<tmp>/lifeboat-demo-<random>` with mode 0700.
    pub fn create() -> std::io::Result<DemoDir> {
        use std::os::unix::fs::DirBuilderExt;
        let path = std::env::temp_dir().join(format!("lifeboat-demo-{}", crate::item::new_id()));
        std::fs::DirBuilder::new().mode(0o700).create(&path)?;
        Ok(DemoDir { path })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DemoDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A random throwaway passphrase.
pub fn random_passphrase() -> SecretString {
    let bytes = crate::vault::crypto::random_bytes(10);
    crate::item::totp::encode_base32(bytes.expose())
}

fn item(name: &str, account: &str, tags: &[&str], secret: Secret, now: OffsetDateTime) -> Item {
    let mut i = Item::new(name, secret);
    i.account = Some(account.to_owned());
    i.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    i.created = now;
    i.updated = now;
    i
}

/// The fake sample items.
pub fn sample_items(now: OffsetDateTime) -> Vec<Item> {
    let mut v = Vec::new();
    let mut seed = item(
        "Demo wallet (BIP39 test phrase)",
        "Example Wallet",
        &["crypto", "demo"],
        Secret::Seed {
            words: TEST_MNEMONIC.into(),
            scheme: SeedScheme::Bip39,
            language: Some("english".into()),
            passphrase: None,
        },
        now,
    );
    seed.notes = Some("The public BIP39 test vector. Never send funds to it.".into());
    v.push(seed);
    if let Ok(secret) = crate::item::totp::parse_secret_input(
        "otpauth://totp/Example:demo@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example",
    ) {
        let mut t = item("Example 2FA (fake)", "example.com", &["2fa"], secret, now);
        t.support = Some("https://example.com/support".into());
        v.push(t);
    }
    let codes: Vec<RecoveryCode> = (1..=8)
        .map(|n| RecoveryCode {
            code: SecretString::new(format!("fake-{n}{n}{n}{n}-demo")),
            used: (n <= 2).then_some(now),
        })
        .collect();
    v.push(item(
        "Example recovery codes (fake)",
        "example.com",
        &["2fa"],
        Secret::Codes { codes },
        now,
    ));
    v.push(item(
        "Mail login (fake)",
        "mail.example.org",
        &["email"],
        Secret::Password {
            username: Some("demo@example.org".into()),
            password: "correct horse battery staple".into(),
            url: Some("https://mail.example.org".into()),
        },
        now,
    ));
    v.push(item(
        "Sample key (Bitcoin wiki example)",
        "Example Wallet",
        &["crypto", "demo"],
        Secret::Key {
            key: "0C28FCA386C7A227600B2FE50B7CAE11EC86D3BF1FBE471BE89827E19D72AA1D".into(),
            format: Some("hex".into()),
        },
        now,
    ));
    v.push(item(
        "Safe deposit box (fake)",
        "Example Bank",
        &["paper"],
        Secret::Note {
            text: "Box 000 at Example Bank. The spare key is in the blue envelope.".into(),
        },
        now,
    ));
    v
}

/// Adds the samples and a `lost-2fa-device` run with two steps done.
pub fn fill(vault: &mut Vault, playbooks: &[crate::playbook::Playbook], now: OffsetDateTime) {
    vault.payload_mut().items.extend(sample_items(now));
    // The demo's key is thrown away with it: nothing to confirm.
    vault.payload_mut().history.recovery_key_exported = Some(now);
    if let Some(pb) = playbooks.iter().find(|p| p.id == "lost-2fa-device") {
        let state = &mut vault.payload_mut().playbooks;
        let run = state.run_mut_or_start(&pb.id, now);
        let _ = crate::playbook::answer(pb, run, "how-lost", "broken", now);
        let _ = crate::playbook::check(pb, run, "list-accounts", None, now);
    }
}

/// Creates the demo vault in `dir`, open, with the lock released.
pub fn create(
    dir: &Path,
    playbooks: &[crate::playbook::Playbook],
    now: OffsetDateTime,
) -> Result<(Vault, SecretString), VaultError> {
    let pass = random_passphrase();
    let params = KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    };
    let mut vault = Vault::create(&dir.join("vault.age"), &pass, params)?;
    fill(&mut vault, playbooks, now);
    vault.save()?;
    vault.release_lock();
    Ok((vault, pass))
}
