//! Property: a lossless export imported into an empty vault gives back
//! every item, field for field, even when items share secrets, notes or
//! accounts; and importing it again adds nothing.

use lifeboat::interop::{dedup, native};
use lifeboat::item::{Item, OtpAlgorithm, OtpType, RecoveryCode, Secret, SeedScheme};
use lifeboat::playbook::PlaybookState;
use proptest::prelude::*;

/// A small pool, so that items often share a value.
fn pooled() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "hunter2",
        "12-34-56",
        "Reused-pass-1",
        "same text",
        "x",
    ])
    .prop_map(str::to_owned)
}

fn secret() -> impl Strategy<Value = Secret> {
    prop_oneof![
        pooled().prop_map(|p| Secret::Password {
            username: Some("me".into()),
            password: p.into(),
            url: None,
        }),
        pooled().prop_map(|t| Secret::Note { text: t.into() }),
        pooled().prop_map(|k| Secret::Key {
            key: k.into(),
            format: Some("text".into()),
        }),
        pooled().prop_map(|w| Secret::Seed {
            words: w.into(),
            scheme: SeedScheme::Other,
            language: None,
            passphrase: None,
        }),
        prop::sample::select(vec!["JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ"]).prop_map(|s| {
            Secret::Totp {
                secret: s.into(),
                issuer: Some("Same".into()),
                label: Some("same".into()),
                algorithm: OtpAlgorithm::Sha1,
                digits: 6,
                period: 30,
                otp_type: OtpType::Totp,
                counter: 0,
            }
        }),
        pooled().prop_map(|c| Secret::Codes {
            codes: vec![RecoveryCode {
                code: c.into(),
                used: None,
            }],
        }),
    ]
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    prop::collection::vec(
        (
            secret(),
            prop::option::of(pooled()),
            prop::option::of(pooled()),
        ),
        0..12,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(n, (secret, account, notes))| {
                let mut item = Item::new(format!("Item {n}"), secret);
                item.account = account;
                item.notes = notes;
                item
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_gives_back_every_item(items in items()) {
        let text = native::export_items("vault", &items, &PlaybookState::default()).unwrap();
        let report = native::import(text.expose()).unwrap();
        prop_assert!(report.rejected.is_empty());
        let plan = dedup::plan(&[], report);
        prop_assert!(plan.skipped.is_empty());
        prop_assert_eq!(&plan.add, &items);

        // The same export into the vault that now holds them: nothing new.
        let again = dedup::plan(&items, native::import(text.expose()).unwrap());
        prop_assert!(again.add.is_empty());
        prop_assert_eq!(again.skipped.len(), items.len());
    }
}
