//! TOTP/HOTP codes and otpauth URIs.
