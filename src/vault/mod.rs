//! The vault: age envelope, unlock paths, payload, crash-safe store.
