//! BIP39 seed-phrase validation with typo suggestions.
