//! SLIP-39 Shamir backup: word list, RS1024, encryption, split and combine.
