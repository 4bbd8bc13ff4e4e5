//! The Simplified Chinese built-in playbooks (`playbooks/zh-CN/`): each one
//! is shipped, keeps the English structure exactly (ids, kinds, routing,
//! links, waits, commands, contact steps, warnings), quotes the guide's own
//! sentence where a step traces to it, is written in Chinese with the
//! glossary's terms (docs/glossary-zh.md), and a run started in one
//! language continues and reports in the other.

mod cli_items_harness;

use std::path::{Path, PathBuf};

use lifeboat::lang::Lang;
use lifeboat::playbook::{
    self, answer, builtin, check, progress, render_report, strings, Playbook, PlaybookState,
    BUILTIN_IDS,
};
use time::macros::datetime;

/// The guide's original passage for each point (see docs/playbooks.md,
/// "Guide coverage"), verbatim, punctuation included. A zh-CN step quotes
/// one or more whole sentences of it for every guide point it cites.
const GUIDE_QUOTES: &[(&str, &str)] = &[
    (
        "guide:types.1",
        "账户无法登录:用户可能会在输入正确的帐户信息后,仍然无法登录到钱包。这可能是由于服务器故障、账户被冻结或者密码错误等原因引起的。",
    ),
    (
        "guide:types.2",
        "交易失败:在进行资金转账或支付时,用户可能会遇到交易失败的情况。这通常是由于网络问题、服务端故障或余额不足等原因造成的。",
    ),
    (
        "guide:types.3",
        "提现失败:当用户尝试将钱包内的资金提现到银行账户时,可能会遇到提现失败的情况。这可能是由于提现额度限制、银行系统维护或其他异常引起的。",
    ),
    (
        "guide:types.4",
        "资金丢失:在某些情况下,用户可能会发现钱包内的资金发生了异常减少,甚至完全消失。这种情况极为严峻,通常与安全问题、黑客攻击等有关。",
    ),
    (
        "guide:types.5",
        "功能缺失:用户在使用电子钱包时,可能会发现某些功能无法正常使用,例如充值、兑换和卡片管理等,这可能是由于软件Bug、版本不兼容等导致的。",
    ),
    (
        "guide:causes.1",
        "网络软钱包的正常运行依赖于稳定的网络环境。如果用户的网络连接不稳定,可能导致无法访问钱包应用,或在进行交易时出现中断。",
    ),
    (
        "guide:causes.2",
        "服务器故障:数字钱包服务商的服务器发生故障,会直接影响用户的使用体验。例如,服务器超载或系统维护可能导致用户无法登录或交易异步。",
    ),
    (
        "guide:causes.3",
        "账户安全:如果账号安全性受到威胁,例如密码泄露或身份验证未通过,用户可能会被限制访问,或者交易被拒绝,导致异常情况。",
    ),
    (
        "guide:causes.4",
        "软件缺陷:应用程序的Bug或软件版本不匹配可能导致某些功能无法使用,从而造成用户体验下降。在更新应用时,如果未进行充分的测试,很容易导致严重的功能缺失。",
    ),
    (
        "guide:causes.5",
        "设置一些用户在使用软钱包时,可能由于错误的设置而导致账户余额不正确或者功能无法正常使用。例如,零钱包和主钱包之间的转账设置不当,可能导致资金无法流动。",
    ),
    (
        "guide:general.1",
        "检查网络连接:首先确保您的设备连接到了一个稳定的网络。如果网络不稳定,请尝试使用其他网络或稍等片刻,再重新尝试登录或进行交易。",
    ),
    (
        "guide:general.2",
        "更新软件版本:定期更新您的数字钱包应用,以确保您正在使用最新版本的应用。新版本通常会修复旧版本的Bug和漏洞,提高安全性和稳定性。",
    ),
    (
        "guide:general.3",
        "重置密码:如果您无法登录账户,尝试重置密码。一些钱包应用提供了密码找回功能,可以通过邮箱或手机短信验证身份来重置密码。",
    ),
    (
        "guide:general.4",
        "联系客服:如果尝试上述方法仍然无法解决问题,可以联系数字钱包提供商的客服。提供详细的异常描述和相关信息,将帮助客服更快找到解决方案。",
    ),
    (
        "guide:general.5",
        "及时备份:定期对软钱包中的数据进行备份,以防意外丢失。这包括保存私钥、二维码等重要信息,确保在需要时可以快速恢复账户。",
    ),
    (
        "guide:Q1.1",
        "首先,用户应选择知名度高、信誉好的数字钱包服务商。市场上有很多不同类型的数字钱包,用户应选择那些拥有良好的用户评价和透明度的服务商。确保钱包服务商使用强大的加密技术来保护用户的资金和个人信息。",
    ),
    (
        "guide:Q1.2",
        "其次,用户自身的安全意识也非常重要。使用复杂且独特的密码,并定期更换密码。",
    ),
    (
        "guide:Q1.3",
        "此外,开启双因素验证(2FA),在登录和进行交易时通过手机短信或认证应用生成临时验证码,增加安全性。",
    ),
    (
        "guide:Q1.4",
        "最后,用户应定期检查个人账户的交易记录,关注异常交易。如果发现可疑活动,应立即联系钱包服务商并暂停交易,确保资金安全。",
    ),
    (
        "guide:Q2.1",
        "首先,检查网络连接,确保在交易时网络畅通。如果网络不稳定,可以尝试重新连接网络后再进行交易。",
    ),
    (
        "guide:Q2.2",
        "其次,确认账户余额是否充足。交易失败的常见原因之一就是余额不足,用户应先确保其钱包中有足够的资金。",
    ),
    (
        "guide:Q2.3",
        "接着,检查交易方式。在某些情况下,钱包可能不支持特定类型的交易或者提现方式。用户可先了解钱包的交易规则,在进行交易前确保符合条件。",
    ),
    (
        "guide:Q2.4",
        "如仍无法解决,建议联系钱包服务商客服,了解详细的失败原因,并根据他们的指导进行后续操作。",
    ),
    (
        "guide:Q3.1",
        "首先,定期备份钱包数据。这包括备份私钥、助记词或者使用钱包应用提供的导出功能。重要数据的备份可在发生意外时帮助用户迅速恢复资金。",
    ),
    (
        "guide:Q3.2",
        "其次,保持软件更新,使用最新版本的数字钱包应用以增强安全性。开发者通常会在新版本中修复已知漏洞,增强系统的稳定性和安全性,降低资金丢失风险。",
    ),
    (
        "guide:Q3.3",
        "此外,用户应保持设备的安全,安装防病毒软件并避免下载可疑应用。使用安全的网络环境,并避免在公共Wi-Fi上进行资金交易,降低网络攻击的风险。",
    ),
    (
        "guide:Q3.4",
        "最后,定期检查交易记录,并在发现异常时及时采取措施,联系钱包服务商处理可疑交易,确保资产安全。",
    ),
    (
        "guide:Q4.1",
        "首先,尝试使用“找回密码”功能。大多数钱包都会提供这一选项,用户可以通过邮箱或手机验证身份并重置密码。",
    ),
    (
        "guide:Q4.2",
        "其次,如果无法通过找回密码解决问题,可以联系钱包服务商的客服。客服可以提供账户恢复的指导,可能需要验证用户的身份信息。",
    ),
    (
        "guide:Q4.3",
        "在此过程中,要注意不要尝试通过其他方式登录,例如使用不同设备或IP地址登录,这可能会触发进一步的安全措施。",
    ),
    (
        "guide:Q4.4",
        "最后,为避免将来出现账户锁定,用户应注意保护自身的登录信息,避免在多个设备之间频繁更换或其他可疑行为。",
    ),
    (
        "guide:Q5.1",
        "首先,了解各种支付方式的特性。例如,有些钱包支持直接银行转账,而另一些则可能支持信用卡或借记卡支付。用户应根据自己的实际情况和便利性来选择。",
    ),
    (
        "guide:Q5.2",
        "其次,比较手续费。不同支付方式在手续费上可能存在较大差异,用户可以分析各自的费用结构,选择最适合自己利益的支付方式。",
    ),
    (
        "guide:Q5.3",
        "另外,考虑到安全性,一些支付方式例如信用卡通常提供额外的安全保障,例如欺诈保护机制,用户在选择支付方式时可以考虑这些因素。",
    ),
    (
        "guide:Q5.4",
        "最后,使用钱包前,请确认所选支付方式已获钱包支持,以避免在支付过程中遇到不必要的麻烦。",
    ),
    (
        "guide:closing",
        "通过上述的详细介绍,希望用户能够对数字钱包软钱包异常有更深刻的理解,并掌握处理这些问题的方法。无论是安全性保障、交易失败、资金丢失还是账户恢复,用户都应保持冷静,理性分析问题,及时采取适当措施,确保个人资产的安全与钱包的正常使用。",
    ),
];

fn zh_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks/zh-CN")
}

/// Every `playbooks/zh-CN/*.toml`: (id from the file name, path, text).
fn zh_files() -> Vec<(String, PathBuf, String)> {
    let mut out: Vec<_> = std::fs::read_dir(zh_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let id = p.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            (id, p, text)
        })
        .collect();
    out.sort();
    out
}

fn parse(path: &Path, text: &str) -> Playbook {
    playbook::parse_str(text, &path.display().to_string()).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// The pairs (English, Chinese) of every translated playbook.
fn pairs() -> Vec<(Playbook, Playbook)> {
    zh_files()
        .into_iter()
        .map(|(id, path, text)| {
            let en = builtin::get(&id, Lang::En).unwrap_or_else(|| {
                panic!(
                    "{} translates `{id}`, which is not built in",
                    path.display()
                )
            });
            (en, parse(&path, &text))
        })
        .collect()
}

#[test]
fn every_chinese_file_validates_and_is_the_one_shipped() {
    let files = zh_files();
    assert!(!files.is_empty(), "no playbook in {}", zh_dir().display());
    for (id, path, text) in &files {
        let pb = parse(path, text);
        assert_eq!(
            &pb.id,
            id,
            "{}: the file name must be the id",
            path.display()
        );
        assert_eq!(
            pb.lang,
            "zh-CN",
            "{}: lang = \"zh-CN\" is missing",
            path.display()
        );
        assert!(
            BUILTIN_IDS.contains(&id.as_str()),
            "{id} is not a built-in id"
        );
        // Embedded (listed in src/playbook/builtin.rs) and used, not dropped
        // for English because its structure differs.
        let shipped = builtin::get(id, Lang::ZhCn).unwrap();
        assert_eq!(
            shipped.lang, "zh-CN",
            "{id}: the zh-CN file is not embedded or not used"
        );
        assert_eq!(shipped.origin, format!("builtin:zh-CN/{id}.toml"));
        assert_eq!(
            shipped.steps, pb.steps,
            "{id}: the embedded text differs from the file"
        );
        assert!(builtin::is_translated(id, Lang::ZhCn));
    }
    // The list keeps the English order, whatever is translated.
    let ids: Vec<String> = builtin::all(Lang::ZhCn).into_iter().map(|p| p.id).collect();
    assert_eq!(ids, BUILTIN_IDS);
    assert!(!builtin::is_translated("account-locked", Lang::En));
    assert!(builtin::get("no-such-playbook", Lang::ZhCn).is_none());
}

/// Compared field by field, on purpose apart from the loader's own check,
/// so that a mistake in one does not hide a mistake in the other.
#[test]
fn the_structure_is_the_english_one() {
    for (en, zh) in pairs() {
        let id = &en.id;
        assert_eq!(zh.id, en.id);
        assert_eq!(zh.severity, en.severity, "{id}: severity");
        assert_eq!(zh.symptoms.len(), en.symptoms.len(), "{id}: symptoms");
        let ids = |p: &Playbook| p.steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&zh), ids(&en), "{id}: step ids or their order");
        for (e, z) in en.steps.iter().zip(&zh.steps) {
            let at = format!("{id}/{}", e.id);
            assert_eq!(z.kind, e.kind, "{at}: kind");
            assert_eq!(z.next, e.next, "{at}: next");
            assert_eq!(z.end, e.end, "{at}: end");
            let choices = |s: &playbook::Step| {
                s.choices
                    .iter()
                    .map(|c| (c.id.clone(), c.next.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(choices(z), choices(e), "{at}: choice ids or targets");
            assert_eq!(z.link, e.link, "{at}: link");
            assert_eq!(z.wait_seconds, e.wait_seconds, "{at}: wait");
            assert_eq!(z.commands, e.commands, "{at}: commands");
            assert_eq!(z.contact, e.contact, "{at}: contact");
            assert_eq!(z.warnings, e.warnings, "{at}: warnings");
            // Nothing the English says is dropped: every warning, every
            // explanation, every prompt has its Chinese counterpart.
            assert_eq!(z.do_not.len(), e.do_not.len(), "{at}: do_not");
            assert_eq!(z.detail.is_some(), e.detail.is_some(), "{at}: detail");
            assert_eq!(z.why.is_some(), e.why.is_some(), "{at}: why");
            assert_eq!(z.prompt.is_some(), e.prompt.is_some(), "{at}: prompt");
        }
        assert_eq!(builtin::shape_difference(&en, &zh), None, "{id}");
    }
}

fn quote_of(point: &str) -> Option<&'static str> {
    GUIDE_QUOTES
        .iter()
        .find(|(p, _)| *p == point)
        .map(|(_, q)| *q)
}

#[test]
fn sources_keep_the_citations_and_quote_the_guide() {
    for (en, zh) in pairs() {
        for (e, z) in en.steps.iter().zip(&zh.steps) {
            let at = format!("{}/{}", en.id, e.id);
            let (quotes, ids): (Vec<&String>, Vec<&String>) =
                z.source.iter().partition(|s| s.starts_with('「'));
            assert_eq!(ids, e.source.iter().collect::<Vec<_>>(), "{at}: citations");
            assert!(!quotes.is_empty() || !e.source.iter().any(|s| s.starts_with("guide:")));
            // Each guide point is followed by its sentence, 「in corner brackets」.
            for (i, s) in z.source.iter().enumerate() {
                if let Some(q) = s.strip_prefix('「') {
                    let prev = i.checked_sub(1).map(|j| z.source[j].as_str());
                    let point = prev.filter(|p| p.starts_with("guide:"));
                    let point =
                        point.unwrap_or_else(|| panic!("{at}: quote {s} follows no guide point"));
                    let q = q.trim_end_matches('」');
                    let passage = quote_of(point).unwrap_or_else(|| panic!("{at}: {point}?"));
                    // Whole sentences: from a sentence start to its 。.
                    let whole = passage.starts_with(q) || passage.contains(&format!("。{q}"));
                    assert!(
                        q.ends_with('。') && whole,
                        "{at}: {q} is not the guide's sentence for {point}: {passage}"
                    );
                    assert!(s.ends_with('」'), "{at}: {s}");
                } else if s.starts_with("guide:") {
                    let q = z.source.get(i + 1).filter(|q| q.starts_with('「'));
                    assert!(q.is_some(), "{at}: {s} has no quote after it");
                }
            }
        }
    }
    // The table covers exactly the guide's points.
    let cov = playbook::guide_coverage(&playbook::builtin());
    for point in cov.keys().filter(|k| k.starts_with("guide:")) {
        assert!(quote_of(point).is_some(), "no quote for {point}");
    }
    assert_eq!(GUIDE_QUOTES.len(), 36);
    for (point, passage) in GUIDE_QUOTES {
        assert!(passage.ends_with('。'), "{point}");
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Every text a user reads.
fn texts(pb: &Playbook) -> Vec<String> {
    let mut out = vec![pb.title.clone(), pb.summary.clone()];
    out.extend(pb.symptoms.iter().cloned());
    for st in &pb.steps {
        out.push(st.title.clone());
        out.extend(st.detail.clone());
        out.extend(st.why.clone());
        out.extend(st.prompt.clone());
        out.extend(st.do_not.iter().cloned());
        out.extend(st.choices.iter().map(|c| c.title.clone()));
    }
    out
}

/// Words other apps use for the glossary's terms; the playbooks use one
/// word for one thing (docs/glossary-zh.md).
const NOT_OUR_WORDS: &[(&str, &str)] = &[
    ("种子短语", "助记词"),
    ("种子词", "助记词"),
    ("助记短语", "助记词"),
    ("恢复短语", "助记词"),
    ("私匙", "私钥"),
    ("二次验证", "两步验证（2FA）"),
    ("双重验证", "两步验证（2FA）"),
    ("双因素", "两步验证（2FA）"),
    ("双重认证", "两步验证（2FA）"),
    ("谷歌验证器", "身份验证器"),
    ("验证器应用", "身份验证器"),
    ("认证器", "身份验证器"),
    ("备用码", "恢复码"),
    ("恢复代码", "恢复码"),
    ("保管库", "保险库"),
    ("金库", "保险库"),
    ("剧本", "应急手册"),
    ("应急预案", "应急手册"),
    ("提款", "提币 / 提现"),
    ("燃料费", "手续费（Gas）"),
    ("矿工费", "手续费（Gas）"),
    ("撤销授权限", "撤销授权"),
    ("换卡劫持", "SIM 卡劫持（补卡）"),
];

#[test]
fn texts_are_chinese_single_lines_in_the_glossary_terms() {
    for (_, zh) in pairs() {
        for t in texts(&zh) {
            assert!(t.chars().any(is_cjk), "{}: not translated: {t}", zh.id);
            assert!(!t.contains('\n'), "{}: a line break in {t}", zh.id);
            for (bad, good) in NOT_OUR_WORDS {
                assert!(
                    !t.contains(bad),
                    "{}: `{bad}` in {t}; the glossary says {good}",
                    zh.id
                );
            }
        }
    }
}

/// Every built-in speaks Chinese: a new English playbook needs its zh-CN
/// translation in the same change.
#[test]
fn every_builtin_has_a_chinese_translation() {
    let missing: Vec<&str> = BUILTIN_IDS
        .iter()
        .copied()
        .filter(|id| !builtin::is_translated(id, Lang::ZhCn))
        .collect();
    assert!(missing.is_empty(), "not translated into zh-CN: {missing:?}");
    assert_eq!(zh_files().len(), BUILTIN_IDS.len());
}

/// Progress is stored by ids: a run begun on the English playbook goes on
/// in Chinese (and back), the report comes out in the language it is
/// asked in, and the stored run holds no text of either language.
#[test]
fn a_run_started_in_english_continues_and_reports_in_chinese() {
    let en = builtin::get("account-locked", Lang::En).unwrap();
    let zh = builtin::get("account-locked", Lang::ZhCn).unwrap();
    assert_eq!(zh.lang, "zh-CN");
    let t0 = datetime!(2024-05-01 09:40 UTC);
    let mut state = PlaybookState::default();
    let run = state.run_mut_or_start("account-locked", t0);
    check(
        &en,
        run,
        "write-down-message",
        Some("third wrong password at 09:40".into()),
        t0,
    )
    .unwrap();
    check(&en, run, "check-official-notice", None, t0).unwrap();
    answer(&en, run, "caused-lock", "yes", t0).unwrap();

    // Stored and read back, as the vault does: ids only, no titles.
    let json = serde_json::to_string(&state).unwrap();
    assert!(!json.chars().any(is_cjk), "{json}");
    assert!(!json.contains(&en.steps[0].title), "{json}");
    let mut state: PlaybookState = serde_json::from_str(&json).unwrap();

    let run = state.run("account-locked").unwrap();
    assert_eq!(progress(&zh, Some(run)), progress(&en, Some(run)));
    assert_eq!(
        progress(&zh, Some(run)).next_step.as_deref(),
        Some("forgot-password")
    );

    // Go on in Chinese.
    let t1 = datetime!(2024-05-01 10:05 UTC);
    let run = state.run_mut_or_start("account-locked", t1);
    check(&zh, run, "forgot-password", None, t1).unwrap();
    answer(&zh, run, "reset-worked", "no", t1).unwrap();
    let run = state.run("account-locked").unwrap();
    let p = progress(&en, Some(run));
    assert_eq!(p, progress(&zh, Some(run)));
    assert_eq!(p.done, 5);
    assert_eq!(p.next_step.as_deref(), Some("contact-support"));

    let zh_s = strings::for_lang(Lang::ZhCn);
    let report = render_report(&zh, run, &[], t1);
    assert!(
        report.starts_with(&format!("# {}: {}", zh_s.report_title, zh.title)),
        "{report}"
    );
    for heading in [
        &zh_s.timeline,
        &zh_s.decisions,
        &zh_s.open_steps,
        &zh_s.support_asks,
    ] {
        assert!(
            report.contains(&format!("## {heading}")),
            "{heading} in {report}"
        );
    }
    // Steps done in English are reported with their Chinese titles, the
    // answers with the Chinese choice, and the note as it was written.
    assert!(report.contains(&zh.steps[0].title), "{report}");
    assert!(report.contains(&zh.step("caused-lock").unwrap().choice("yes").unwrap().title));
    assert!(report.contains(&zh.step("reset-worked").unwrap().choice("no").unwrap().title));
    assert!(report.contains("third wrong password at 09:40"));
    assert!(!report.contains(&en.steps[0].title), "{report}");
    assert!(
        !report.contains(&playbook::strings::for_lang(Lang::En).report_title),
        "{report}"
    );

    // And back: the English report has every step, English words only.
    let report = render_report(&en, run, &[], t1);
    assert!(report.contains(&en.step("forgot-password").unwrap().title));
    assert!(report.contains(&playbook::strings::for_lang(Lang::En).report_title));
    assert!(!report.contains(&zh.step("forgot-password").unwrap().title));

    // The text view of the Chinese playbook speaks Chinese around it too.
    let view = playbook::show_text(&zh, Some(run), &[], t1);
    assert!(
        view.contains(&format!("{}: contact-support", zh_s.next)),
        "{view}"
    );
    assert!(
        view.contains(zh_s.standard_warning("fake-support").unwrap()),
        "{view}"
    );
}

/// `lifeboat playbook validate` accepts each translation, and refuses one
/// that changes the structure, saying what changed.
#[test]
fn validate_accepts_translations_and_names_a_changed_structure() {
    let config = tempfile::tempdir().unwrap();
    let validate = |file: &Path| {
        assert_cmd::Command::cargo_bin("lifeboat")
            .unwrap()
            .env("LIFEBOAT_CONFIG_DIR", config.path())
            .env_remove("LIFEBOAT_VAULT")
            .args(["playbook", "validate"])
            .arg(file)
            .output()
            .unwrap()
    };
    for (id, path, _) in zh_files() {
        let out = validate(&path);
        assert!(
            out.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let (_, path, text) = zh_files()
        .into_iter()
        .find(|f| f.0 == "account-locked")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("account-locked.toml");
    std::fs::write(
        &broken,
        text.replacen("wait = \"24h\"", "wait = \"12h\"", 1),
    )
    .unwrap();
    let out = validate(&broken);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("translation of the built-in `account-locked`"),
        "{said}"
    );
    assert!(said.contains("(`wait-for-lock`): `wait` differs"), "{said}");
    // In English, the built-in's id is still taken.
    let english = dir.path().join("english.toml");
    std::fs::write(&english, text.replace("lang = \"zh-CN\"\n", "")).unwrap();
    let out = validate(&english);
    assert_eq!(out.status.code(), Some(1), "{path:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("already used by the built-in"));
}

/// Through the binary: the language the user reads in (here the locale,
/// then `--lang`) picks the playbook text; a run started in English goes
/// on in Chinese, and `show --json` keeps every id.
#[test]
fn the_command_line_shows_and_reports_in_the_ui_language() {
    use cli_items_harness::{run_command, Env};
    let env = Env::new();
    let run = |lang_env: &str, args: &[&str]| {
        let mut c = env.cmd(args);
        for k in ["LIFEBOAT_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
            c.env_remove(k);
        }
        c.env("LANG", lang_env);
        run_command(c, "").ok()
    };
    let pb = "account-locked";
    run("en_US.UTF-8", &["playbook", "start", pb]);
    run(
        "en_US.UTF-8",
        &[
            "playbook",
            "check",
            pb,
            "write-down-message",
            "--note",
            "locked at 09:40",
        ],
    );
    run(
        "en_US.UTF-8",
        &["playbook", "answer", pb, "caused-lock", "yes"],
    );

    let json = |lang_env: &str| -> serde_json::Value {
        serde_json::from_str(&run(lang_env, &["--json", "playbook", "show", pb]).stdout).unwrap()
    };
    let (en, zh) = (json("en_US.UTF-8"), json("zh_CN.UTF-8"));
    assert_eq!(en["lang"], "en");
    assert_eq!(zh["lang"], "zh-CN");
    assert_eq!(zh["title"], "账户被锁定");
    let ids = |v: &serde_json::Value| {
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].clone(), s["kind"].clone(), s["state"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&zh), ids(&en));
    assert_eq!(zh["progress"], en["progress"]);
    assert_eq!(zh["progress"]["next_step"], "check-official-notice");

    // Carry on in Chinese; the English view sees the same progress.
    run(
        "zh_CN.UTF-8",
        &["playbook", "check", pb, "check-official-notice"],
    );
    assert_eq!(json("en_US.UTF-8")["progress"]["done"], 3);

    let zh_report = run("zh_CN.UTF-8", &["playbook", "report", pb]).stdout;
    assert!(
        zh_report.starts_with("# 事件报告: 账户被锁定"),
        "{zh_report}"
    );
    assert!(
        zh_report.contains("记下锁定提示的原文和出现的时间"),
        "{zh_report}"
    );
    assert!(zh_report.contains("locked at 09:40"), "{zh_report}");
    assert!(!zh_report.contains("Incident report"), "{zh_report}");
    // `--lang` outranks the locale.
    let en_report = run("zh_CN.UTF-8", &["--lang", "en", "playbook", "report", pb]).stdout;
    assert!(
        en_report.starts_with("# Incident report: My account is locked"),
        "{en_report}"
    );
    let list = run("zh_CN.UTF-8", &["playbook", "list"]).stdout;
    assert!(list.contains("账户或钱包里的钱不见了"), "{list}");
}
