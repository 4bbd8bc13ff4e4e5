//! Arbitrary bytes opened as a vault with a fixed identity and a fixed
//! passphrase: must return an error or a vault, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::vault::format::{unseal, Unlock};
use lifeboat::vault::NamedIdentity;

// A fixed, public test identity: nothing real is encrypted to it.
const IDENTITY: &str = "AGE-SECRET-KEY-1MVQC73AZ93N4CCAFV9YW4VEW844GVQQ8W8M6PRNV8YYHQ0KQUXJQFDHPTK";

fuzz_target!(|data: &[u8]| {
    if let Ok(id) = NamedIdentity::parse(IDENTITY) {
        let _ = unseal(data, &Unlock::Identities(vec![id]));
    }
    let _ = unseal(data, &Unlock::Passphrase("fuzz passphrase".into()));
});
