//! Private-key format recognition (hex, WIF, extended keys).
