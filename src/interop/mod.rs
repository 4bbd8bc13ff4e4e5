//! Import and export formats (native JSON, otpauth lists, Aegis, Google Authenticator migration).
