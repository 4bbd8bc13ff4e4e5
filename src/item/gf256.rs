//! Constant-time arithmetic in GF(256) for SLIP-39 secret sharing.
