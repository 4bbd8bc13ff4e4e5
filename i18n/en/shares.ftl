# How SLIP-39 share words are written down (src/cli, src/tui). Shown when the
# interface is not in English: the words themselves are English in every
# language, by the standard.

shares-english-words = Share words are English words fixed by the SLIP-39 standard and are the same in every language; never translate them. Copy each word exactly in lowercase letters, one word after another with its number, and check every word against the screen; the first four letters of each word are enough to tell it apart.
