//! The strength policy for new passphrases: at least 12 characters and a
//! zxcvbn score of 3 or more. Both front ends ask it (the command line
//! refuses, the TUI's meter explains); an explicit override flag lives in
//! the front ends.

use crate::secret::SecretString;

/// Fewest characters a new passphrase may have.
pub const MIN_CHARS: usize = 12;
/// Lowest zxcvbn score (0..=4) a new passphrase may have.
pub const MIN_SCORE: u8 = 3;

/// What is wrong with a new passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PassphraseProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    #[error("{}", crate::tr!("err-policy-passphrase-problem-too-short", chars = chars.to_string(), min_chars = MIN_CHARS.to_string()))]
    TooShort {
        /// How many characters it has.
        chars: usize,
    },
    /// A zxcvbn score under [`MIN_SCORE`].
    #[error("{}", crate::tr!("err-policy-passphrase-problem-too-guessable", score = score.to_string(), min_score = MIN_SCORE.to_string()))]
    TooGuessable {
        /// Its zxcvbn score.
        score: u8,
    },
}

/// The zxcvbn score (0..=4) of a candidate passphrase.
pub fn strength(p: &SecretString) -> u8 {
    u8::from(zxcvbn::zxcvbn(p.expose(), &["lifeboat"]).score())
}

/// What the policy finds wrong with a new passphrase, if anything.
pub fn passphrase_problem(p: &SecretString) -> Option<PassphraseProblem> {
    let chars = p.expose().chars().count();
    if chars < MIN_CHARS {
        return Some(PassphraseProblem::TooShort { chars });
    }
    let score = strength(p);
    (score < MIN_SCORE).then_some(PassphraseProblem::TooGuessable { score })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_weak_and_good() {
        assert_eq!(
            passphrase_problem(&SecretString::from("short")),
            Some(PassphraseProblem::TooShort { chars: 5 })
        );
        assert!(matches!(
            passphrase_problem(&SecretString::from("aaaaaaaaaaaaaaaa")),
            Some(PassphraseProblem::TooGuessable { .. })
        ));
        assert_eq!(
            passphrase_problem(&SecretString::from(
                "correct horse battery staple lifeboat 42"
            )),
            None
        );
    }
}
