//! The printable emergency kit: one self-contained HTML page set.
//!
//! This module owns rendering the kit from plain values ([`KitInput`]), with
//! no I/O: the recovery key as large grouped text and as a QR code (inline
//! SVG), how to open the vault with stock `age` if lifeboat is gone, a page
//! per SLIP-39 share, a trustee contact sheet and a sheet for where each
//! copy is kept. Every value is HTML-escaped; the page loads nothing from
//! anywhere (no scripts, fonts, images or links to fetch). Print CSS puts
//! one idea on each page, and sizes content to fit both A4 and US Letter.

use std::fmt::Write;

use super::text;
use crate::interop::qr;
use crate::item::slip39;
use crate::lang::Lang;
use crate::secret::SecretString;

/// One share page.
#[derive(Debug, Clone)]
pub struct KitShare {
    /// The mnemonic (secret).
    pub mnemonic: SecretString,
}

/// One seed page: the words and their SeedQR.
#[derive(Debug, Clone)]
pub struct KitSeed {
    /// The item's name.
    pub name: String,
    /// A 12- or 24-word English BIP39 phrase (secret).
    pub words: SecretString,
}

/// Everything the kit shows.
#[derive(Debug, Clone)]
pub struct KitInput {
    /// The recovery key, `AGE-SECRET-KEY-1...`.
    pub recovery_key: SecretString,
    /// Its public recipient, `age1...`.
    pub recipient: String,
    /// Where the vault lives.
    pub vault_path: String,
    /// The vault's id.
    pub vault_id: String,
    /// When the kit was made (RFC 3339).
    pub generated: String,
    /// Shares to print, one page each (may be empty).
    pub shares: Vec<KitShare>,
    /// Seeds to print with their SeedQR, one page each (may be empty).
    pub seeds: Vec<KitSeed>,
}

/// Why the kit could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KitError {
    /// The QR code could not be made.
    #[error("{0}")]
    Qr(#[from] qr::QrError),
    /// A seed cannot be drawn as a SeedQR.
    #[error("{}", crate::tr!("err-kit-seed", name = name.as_str(), source = source.to_string()))]
    Seed {
        /// The item's name.
        name: String,
        /// Why.
        #[source]
        source: qr::SeedQrCodeError,
    },
    /// A share does not decode.
    #[error("{}", crate::tr!("err-kit-kit-error-share", index = index.to_string(), source = source.to_string()))]
    Share {
        /// 1-based position.
        index: usize,
        /// Why.
        #[source]
        source: slip39::Slip39Error,
    },
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The key's characters after `AGE-SECRET-KEY-1` in groups of five, so it
/// can be read aloud and copied by hand.
pub fn group_key(key: &str) -> Vec<String> {
    let body = key.strip_prefix("AGE-SECRET-KEY-1").unwrap_or(key);
    let chars: Vec<char> = body.chars().collect();
    chars.chunks(5).map(|c| c.iter().collect()).collect()
}

/// Quotes a path for a POSIX shell command line.
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// An inline SVG QR code for `data`, without the XML declaration.
fn qr_svg(data: &str, class: &str) -> Result<String, KitError> {
    let svg = qr::try_to_svg(data)?;
    let start = svg.find("<svg").unwrap_or(0);
    Ok(svg[start..].replacen("<svg", &format!("<svg class=\"{class}\""), 1))
}

const CSS: &str = r#"
/* Sized to fit both A4 (210x297 mm) and US Letter (216x279 mm): content is
   at most 186 mm wide and 250 mm tall inside 12 mm margins. */
@page { margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica", "Arial", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; background: #fff; margin: 0; font-size: 11pt; line-height: 1.35; }
.page { max-width: 186mm; margin: 0 auto; padding: 6mm 0; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 20pt; margin: 0 0 3mm 0; }
h2 { font-size: 15pt; margin: 0 0 3mm 0; border-bottom: 1px solid #000; }
.warn { border: 2px solid #000; padding: 2mm 3mm; font-weight: bold; margin: 3mm 0; }
.key { font-family: "DejaVu Sans Mono", "Courier New", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace; font-size: 17pt; font-weight: bold; letter-spacing: 0.06em; word-spacing: 0.4em; line-height: 1.6; margin: 3mm 0; }
.key .prefix { display: block; }
.mono { font-family: "DejaVu Sans Mono", "Courier New", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace; }
.qr { width: 70mm; height: 70mm; display: block; margin: 2mm 0; }
.qr-small { width: 55mm; height: 55mm; display: block; margin: 2mm 0; }
pre { font-family: "DejaVu Sans Mono", "Courier New", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace; font-size: 9.5pt; border: 1px solid #888; padding: 2mm; white-space: pre-wrap; word-break: break-all; }
.words { font-family: "DejaVu Sans Mono", "Courier New", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace; font-size: 12pt; columns: 3; column-gap: 6mm; list-style-position: inside; padding: 0; }
table { width: 100%; border-collapse: collapse; }
td, th { border: 1px solid #000; padding: 2mm; text-align: left; vertical-align: top; }
td.blank { height: 13mm; }
.line { border-bottom: 1px solid #000; height: 11mm; }
.meta td { border: none; padding: 0.5mm 2mm 0.5mm 0; }
/* A Chinese kit sets its text in a CJK face (whose Latin letters match).
   Chinese anywhere else (a vault path in a monospaced line, a name in an
   English kit) falls back to one by the stacks above; the key and the
   share words stay monospaced. */
html:lang(zh) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", sans-serif; }
"#;

/// Renders the kit, declaring `lang` as the page's language (which picks
/// the fonts: Chinese text gets a CJK face). The result holds the recovery
/// key: write it to a private file.
pub fn render(input: &KitInput, lang: Lang) -> Result<SecretString, KitError> {
    // Every text of the kit in `lang`, whatever the process's language.
    let _lang = crate::i18n::scoped(lang);
    let mut h = String::with_capacity(64 * 1024);
    let key = input.recovery_key.expose();
    let vault = escape(&input.vault_path);
    let vault_sh = escape(&shell_quote(&input.vault_path));
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.tag(),
        escape(&text::KIT_TITLE.text())
    );

    // Page 1: the key.
    let _ = write!(
        h,
        "<section class=\"page\" id=\"key\">\n<h1>{}</h1>\n<p class=\"warn\">{}</p>\n<table class=\"meta\"><tr><td>{}</td><td class=\"mono\">{vault}</td></tr><tr><td>{}</td><td class=\"mono\">{}</td></tr><tr><td>{}</td><td class=\"mono\">{}</td></tr><tr><td>{}</td><td>{}</td></tr></table>\n",
        escape(&text::KIT_TITLE.text()),
        escape(&text::KIT_SECRET_WARNING.text()),
        escape(&text::KIT_VAULT_LOCATION.text()),
        escape(&text::KIT_VAULT_ID.text()),
        escape(&input.vault_id),
        escape(&text::KIT_PUBLIC_KEY.text()),
        escape(&input.recipient),
        escape(&text::KIT_GENERATED.text()),
        escape(&input.generated),
    );
    let _ = write!(
        h,
        "<h2>{}</h2>\n{}\n<div class=\"key\"><span class=\"prefix\">AGE-SECRET-KEY-1</span>{}</div>\n<p>{}</p>\n<p class=\"mono\" style=\"font-size:8pt;word-break:break-all\">{}</p>\n</section>\n",
        escape(&text::KIT_RECOVERY_KEY.text()),
        qr_svg(key, "qr")?,
        group_key(key).iter().map(|g| escape(g)).collect::<Vec<_>>().join(" "),
        escape(&text::KIT_KEY_HOWTO.text()),
        escape(key),
    );

    // Page 2: opening the vault without lifeboat.
    let _ = write!(
        h,
        "<section class=\"page\" id=\"age\">\n<h2>{}</h2>\n<p>{}</p>\n<ol>\n<li>{}<pre>AGE-SECRET-KEY-1...   (one line, no spaces)</pre></li>\n<li>{}<pre>age -d -i recovery-key.txt {vault_sh} | jq -r '.items[] | [.name, .secret.kind] | @tsv'</pre></li>\n<li>{}<pre>age -d -i recovery-key.txt {vault_sh} | jq '.items[] | select(.name == \"NAME\") | .secret'</pre></li>\n<li>{}</li>\n</ol>\n<p>{}</p>\n</section>\n",
        escape(&text::KIT_AGE_TITLE.text()),
        escape(&text::KIT_AGE_INTRO.text()),
        escape(&text::KIT_AGE_STEP_KEYFILE.text()),
        escape(&text::KIT_AGE_STEP_DECRYPT.text()),
        escape(&text::KIT_AGE_STEP_READ.text()),
        escape(&text::KIT_AGE_STEP_WIPE.text()),
        escape(&text::KIT_AGE_GET.text()),
    );

    // Page 3: recovering with lifeboat.
    let _ = write!(
        h,
        "<section class=\"page\" id=\"lifeboat\">\n<h2>{}</h2>\n<p>{}</p>\n<pre>lifeboat --vault {vault_sh} recover --identity recovery-key.txt</pre>\n<p>{}</p>\n<pre>lifeboat --vault {vault_sh} recover --shares shares.txt</pre>\n<p>{}</p>\n<pre>pip install shamir-mnemonic bech32\npython3 -c \"import shamir_mnemonic as s, bech32; ms = s.combine_mnemonics([l.strip() for l in open('shares.txt') if l.strip() and not l.startswith('#')], b''); print(bech32.bech32_encode('age-secret-key-', bech32.convertbits(ms, 8, 5)).upper())\" &gt; recovery-key.txt</pre>\n</section>\n",
        escape(&text::KIT_LIFEBOAT_TITLE.text()),
        escape(&text::KIT_LIFEBOAT_KEY.text()),
        escape(&text::KIT_LIFEBOAT_SHARES.text()),
        escape(&text::KIT_PYTHON_SHARES.text()),
    );

    // One page per share.
    for (n, s) in input.shares.iter().enumerate() {
        let share =
            slip39::decode_mnemonic(s.mnemonic.expose()).map_err(|source| KitError::Share {
                index: n + 1,
                source,
            })?;
        let words: String = s
            .mnemonic
            .expose()
            .split_whitespace()
            .map(|w| format!("<li>{}</li>", escape(w)))
            .collect();
        let _ = write!(
            h,
            "<section class=\"page share\" id=\"share-{}\">\n<h2>{}</h2>\n<p class=\"warn\">{}</p>\n<p>{}</p>\n<ol class=\"words\">{words}</ol>\n{}\n<p>{}</p><div class=\"line\"></div>\n</section>\n",
            n + 1,
            escape(&text::kit_share_title(&share)),
            escape(&text::KIT_SHARE_WARNING.text()),
            escape(&text::kit_share_meta(&share)),
            qr_svg(s.mnemonic.expose(), "qr-small")?,
            escape(&text::KIT_SHARE_HOLDER.text()),
        );
    }

    // One page per seed asked for, with its SeedQR (standard form: the
    // digits survive a phone's QR app and can be read aloud).
    for (n, seed) in input.seeds.iter().enumerate() {
        let matrix =
            qr::seedqr_matrix(seed.words.expose(), false).map_err(|source| KitError::Seed {
                name: seed.name.clone(),
                source,
            })?;
        let svg = matrix.to_svg(10);
        let start = svg.find("<svg").unwrap_or(0);
        let svg = svg[start..].replacen("<svg", "<svg class=\"qr\"", 1);
        let list: Vec<&str> = seed.words.expose().split_whitespace().collect();
        let words: String = list
            .iter()
            .map(|w| format!("<li>{}</li>", escape(w)))
            .collect();
        let _ = write!(
            h,
            "<section class=\"page seed\" id=\"seed-{}\">\n<h2>{}</h2>\n<p class=\"warn\">{}</p>\n<ol class=\"words\">{words}</ol>\n{svg}\n<p>{}</p>\n</section>\n",
            n + 1,
            escape(&text::kit_seed_title(&seed.name, list.len())),
            escape(&text::KIT_SEED_WARNING.text()),
            escape(&text::KIT_SEEDQR_CAPTION.text()),
        );
    }

    // Trustee contact sheet.
    let rows = input.shares.len().max(5);
    let _ = write!(
        h,
        "<section class=\"page\" id=\"trustees\">\n<h2>{}</h2>\n<p>{}</p>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        escape(&text::KIT_TRUSTEES_TITLE.text()),
        escape(&text::KIT_TRUSTEES_INTRO.text()),
        escape(&text::KIT_COL_SHARE.text()),
        escape(&text::KIT_COL_NAME.text()),
        escape(&text::KIT_COL_CONTACT.text()),
        escape(&text::KIT_COL_GIVEN.text()),
    );
    for n in 0..rows {
        let label = if n < input.shares.len() {
            (n + 1).to_string()
        } else {
            String::new()
        };
        let _ = writeln!(
            h,
            "<tr><td class=\"blank\">{label}</td><td class=\"blank\"></td><td class=\"blank\"></td><td class=\"blank\"></td></tr>"
        );
    }
    let _ = write!(h, "</table>\n</section>\n");

    // Where copies are kept.
    let _ = write!(
        h,
        "<section class=\"page\" id=\"copies\">\n<h2>{}</h2>\n<p>{}</p>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        escape(&text::KIT_COPIES_TITLE.text()),
        escape(&text::KIT_COPIES_INTRO.text()),
        escape(&text::KIT_COL_COPY.text()),
        escape(&text::KIT_COL_WHERE.text()),
        escape(&text::KIT_COL_CHECKED.text()),
    );
    for _ in 0..8 {
        let _ = writeln!(
            h,
            "<tr><td class=\"blank\"></td><td class=\"blank\"></td><td class=\"blank\"></td></tr>"
        );
    }
    let _ = write!(h, "</table>\n</section>\n</body>\n</html>\n");
    Ok(SecretString::new(h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::crypto::NamedIdentity;

    fn input(path: &str, shares: Vec<KitShare>) -> KitInput {
        let id = NamedIdentity::generate();
        KitInput {
            recovery_key: id.text.clone(),
            recipient: id.recipient.clone(),
            vault_path: path.into(),
            vault_id: "abc".into(),
            generated: "2024-01-01T00:00:00Z".into(),
            shares,
            seeds: Vec::new(),
        }
    }

    #[test]
    fn escapes_everything_and_loads_nothing() {
        let k = input("/tmp/<script>alert('x')</script> & \"v\".age", vec![]);
        let html = render(&k, Lang::En).unwrap();
        let h = html.expose();
        assert!(!h.contains("<script"), "unescaped path");
        assert!(h.contains("&lt;script&gt;"));
        // Nothing that a browser would fetch.
        for external in [
            "src=", "href=", "@import", "url(", "<link", "<img", "<iframe",
        ] {
            assert_eq!(h.matches(external).count(), 0, "{external}");
        }
        assert!(h.contains(k.recovery_key.expose()));
        assert!(h.contains("age -d -i recovery-key.txt"));
    }

    #[test]
    fn seed_pages_carry_the_words_and_refuse_what_seedqr_cannot_hold() {
        let mut k = input("v.age", vec![]);
        let words = "forum undo fragile fade shy sign arrest garment culture tube off merit";
        k.seeds.push(KitSeed {
            name: "<cold>".into(),
            words: SecretString::from(words),
        });
        let h = render(&k, Lang::En).unwrap();
        let h = h.expose();
        assert_eq!(h.matches("class=\"page seed\"").count(), 1);
        assert!(h.contains("&lt;cold&gt;"));
        assert!(h.contains("<li>forum</li>"));
        // The standard SeedQR for 12 words is 25x25 modules plus the
        // quiet zone.
        assert!(h.contains("<svg class=\"qr\""));
        k.seeds[0].words = SecretString::from("not a seed");
        assert!(matches!(render(&k, Lang::En), Err(KitError::Seed { .. })));
    }

    #[test]
    fn share_pages_and_key_groups() {
        let id = NamedIdentity::generate();
        let set = super::super::split::split_recovery_key(
            &id.text,
            &super::super::split::SplitPlan::simple(2, 3),
        )
        .unwrap();
        let shares: Vec<KitShare> = set
            .shares
            .iter()
            .map(|s| KitShare {
                mnemonic: s.mnemonic.clone(),
            })
            .collect();
        let h = render(&input("v.age", shares), Lang::En).unwrap();
        assert_eq!(h.expose().matches("class=\"page share\"").count(), 3);
        let g = group_key(id.text.expose());
        assert_eq!(g.concat().len(), 58);
        assert_eq!(shell_quote("/a b/v.age"), "'/a b/v.age'");
        assert_eq!(shell_quote("/a/v.age"), "/a/v.age");
    }

    #[test]
    fn declares_its_language_and_sets_chinese_in_a_cjk_face() {
        let k = input("/数据/我的钱包/交易所（主账户）紧急备用.age", vec![]);
        let en = render(&k, Lang::En).unwrap();
        let zh = render(&k, Lang::ZhCn).unwrap();
        assert!(en.expose().contains("<html lang=\"en\">"));
        assert!(zh.expose().contains("<html lang=\"zh-CN\">"));
        assert!(!zh.expose().contains("lang=\"en\""));
        // The Chinese face is chosen by the declared language...
        let css = zh.expose();
        let rule = css
            .lines()
            .find(|l| l.starts_with("html:lang(zh) body"))
            .expect("a rule for Chinese pages");
        let faces = rule.find("Noto Sans CJK SC").unwrap();
        assert!(
            faces < rule.find("DejaVu Sans").unwrap(),
            "CJK face first: {rule}"
        );
        assert!(rule.contains("Microsoft YaHei") && rule.contains("PingFang SC"));
        // ...and every monospaced stack can still fall back to one.
        for l in css.lines().filter(|l| l.contains("Mono\"")) {
            assert!(l.contains("CJK"), "no CJK fallback: {l}");
        }
        assert!(zh.expose().contains("交易所（主账户）紧急备用.age"));
    }
}
