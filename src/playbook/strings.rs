//! Every fixed piece of text the playbook views and reports print.
//!
//! Playbook text lives in the playbook files; the words around it (headings,
//! state labels, the support checklist) live here and nowhere else, so a
//! translation is one more `Strings` value and one more arm in [`for_lang`].

use crate::lang::Lang;

/// The fixed words of the views and the report, in one language.
#[derive(Debug)]
#[allow(missing_docs)] // Each field is named after the text it holds.
pub struct Strings {
    pub lang: &'static str,
    // Text views.
    pub severity: &'static str,
    pub when_to_use: &'static str,
    pub progress: &'static str,
    pub steps_done: &'static str,
    pub steps_word: &'static str,
    pub of: &'static str,
    pub next: &'static str,
    pub complete: &'static str,
    pub not_started: &'static str,
    pub account: &'static str,
    pub do_not: &'static str,
    pub why: &'static str,
    pub run: &'static str,
    pub note: &'static str,
    pub answered: &'static str,
    pub choices: &'static str,
    pub wait_for: &'static str,
    pub wait_ends: &'static str,
    pub wait_hint: &'static str,
    pub items: &'static str,
    pub no_items: &'static str,
    pub unused_codes: &'static str,
    pub decision_hint: &'static str,
    pub note_hint: &'static str,
    pub list_header: [&'static str; 4],
    pub user_playbook: &'static str,
    pub not_applicable: &'static str,
    /// The text of each standard warning, by id (see `STANDARD_WARNINGS`).
    pub standard_warnings: &'static [(&'static str, &'static str)],
    // Report.
    pub report_title: &'static str,
    pub incident_summary: &'static str,
    pub playbook: &'static str,
    pub started: &'static str,
    pub finished: &'static str,
    pub still_open: &'static str,
    pub report_written: &'static str,
    pub what_happened: &'static str,
    pub no_notes: &'static str,
    pub timeline: &'static str,
    pub timeline_header: [&'static str; 3],
    pub decisions: &'static str,
    pub no_decisions: &'static str,
    pub items_involved: &'static str,
    pub contacts: &'static str,
    pub no_contacts: &'static str,
    pub username: &'static str,
    pub items_note: &'static str,
    pub no_items_involved: &'static str,
    pub open_steps: &'static str,
    pub no_open_steps: &'static str,
    pub support_asks: &'static str,
    pub support_guidance: &'static [&'static str],
    // Event names in the timeline.
    pub ev_started: &'static str,
    pub ev_checked: &'static str,
    pub ev_unchecked: &'static str,
    pub ev_answered: &'static str,
    pub ev_noted: &'static str,
    pub ev_wait_started: &'static str,
    pub ev_account: &'static str,
    pub ev_finished: &'static str,
    pub ev_reopened: &'static str,
    pub ev_archived: &'static str,
    pub ev_not_applicable: &'static str,
    pub steps_gone: &'static str,
}

/// English, the fallback for every language.
///
/// Every id in `STANDARD_WARNINGS` has a text here; a test checks it.
pub const EN: Strings = Strings {
    lang: "en",
    severity: "severity",
    when_to_use: "Use this when",
    progress: "Progress",
    steps_done: "steps done",
    steps_word: "steps",
    of: "of",
    next: "Next",
    complete: "complete",
    not_started: "not started",
    account: "Account",
    do_not: "Do not",
    why: "Why",
    run: "Run",
    note: "Note",
    answered: "Answer",
    choices: "Choices",
    wait_for: "Wait",
    wait_ends: "ends",
    wait_hint: "tick it to start the timer",
    items: "Your items",
    no_items: "none in your vault yet",
    unused_codes: "unused codes",
    decision_hint: "answer with: lifeboat playbook answer",
    note_hint: "write it down with: lifeboat playbook check",
    list_header: ["ID", "SEVERITY", "PROGRESS", "TITLE"],
    user_playbook: "(yours)",
    not_applicable: "does not apply",
    standard_warnings: &[
        (
            "fake-support",
            "Do not use a contact found through a search ad, or one that reached you by Telegram, Discord, X or an unexpected call: open their app, or type their address yourself. Real support never asks for your seed phrase, passwords or codes, or to see your screen or install an app; send ID documents only through their official upload page.",
        ),
        (
            "recovery-scam",
            "Do not pay anyone who offers to get the money back, even if they say they are police, a lawyer, an investigator or a regulator: after a loss, \"recovery\" offers are almost always a second scam. Real police never charge a fee.",
        ),
        (
            "seed-request",
            "Do not type, say or photograph your seed phrase for anyone or any site: no real app, update, support desk or \"wallet sync\" ever asks for it. Whoever has it has the money.",
        ),
    ],
    report_title: "Incident report",
    incident_summary: "Incident summary",
    playbook: "Playbook",
    started: "Started",
    finished: "Finished",
    still_open: "not finished",
    report_written: "Report written",
    what_happened: "What happened",
    no_notes: "No notes were written down.",
    timeline: "Timeline",
    timeline_header: ["Time", "Step", "What"],
    decisions: "Decisions",
    no_decisions: "No questions were answered.",
    items_involved: "Items involved",
    contacts: "Support contacts on file for this account",
    no_contacts: "No support contact or username is stored for this account.",
    username: "Username",
    items_note: "Vault items linked to the steps taken. Names, kinds and accounts only: no secret is ever included.",
    no_items_involved: "No vault items were linked to the steps taken.",
    open_steps: "Open steps",
    no_open_steps: "None: every step on the path is done.",
    support_asks: "What support will ask for",
    support_guidance: &[
        "A clear description of what went wrong and what you saw (exact error messages, screenshots).",
        "The account identifiers: user name, e-mail address or phone number on the account, wallet addresses.",
        "When it happened, with dates, times and your time zone (every time in this report carries its offset from UTC).",
        "Transaction ids (hashes), amounts and destination addresses for every transaction concerned.",
        "What you have already tried, in order (the timeline above), and any ticket numbers you were given.",
        "Proof that the account is yours, if they ask for it: only ever through the provider's official channel.",
    ],
    ev_started: "Run started",
    ev_checked: "Done",
    ev_unchecked: "Taken back",
    ev_answered: "Answered",
    ev_noted: "Note written",
    ev_wait_started: "Wait started",
    ev_account: "Account set",
    ev_finished: "All steps done",
    ev_reopened: "Reopened",
    ev_archived: "Run archived",
    ev_not_applicable: "Does not apply",
    steps_gone: "(a step this version of the playbook no longer has)",
};

/// Simplified Chinese. The terms follow docs/glossary-zh.md.
///
/// Every id in `STANDARD_WARNINGS` has a text here too; a test checks it.
pub const ZH_CN: Strings = Strings {
    lang: "zh-CN",
    severity: "严重程度",
    when_to_use: "适用情况",
    progress: "进度",
    steps_done: "步已完成",
    steps_word: "步",
    of: "/",
    next: "下一步",
    complete: "全部完成",
    not_started: "尚未开始",
    account: "账户",
    do_not: "注意",
    why: "原因",
    run: "运行",
    note: "记录",
    answered: "回答",
    choices: "选项",
    wait_for: "等待",
    wait_ends: "结束于",
    wait_hint: "勾选此步骤即开始计时",
    items: "你的条目",
    no_items: "保险库中还没有",
    unused_codes: "个未用的恢复码",
    decision_hint: "用此命令回答：lifeboat playbook answer",
    note_hint: "用此命令记下：lifeboat playbook check",
    list_header: ["ID", "严重程度", "进度", "标题"],
    user_playbook: "（自定义）",
    not_applicable: "不适用",
    standard_warnings: &[
        (
            "fake-support",
            "不要使用搜索广告里找到的联系方式，也不要理会通过 Telegram、Discord、X 私信或陌生来电主动找上你的“客服”：请打开对方的官方 App，或自己手动输入官网地址。真正的客服绝不会索要你的助记词、密码或验证码，也不会要求看你的屏幕或让你安装某个 App；身份证件只通过官方上传页面提交。",
        ),
        (
            "recovery-scam",
            "不要向任何声称能帮你追回资金的人付钱，哪怕对方自称警察、律师、调查员或监管机构：资金损失之后找上门的“追回”服务几乎都是第二次诈骗。真正的警察从不收费。",
        ),
        (
            "seed-request",
            "不要为任何人或任何网站输入、念出或拍下你的助记词：正规的 App、升级、客服或“钱包同步”都绝不会索要它。谁拿到助记词，谁就拿到了钱。",
        ),
    ],
    report_title: "事件报告",
    incident_summary: "事件概要",
    playbook: "应急手册",
    started: "开始时间",
    finished: "完成时间",
    still_open: "尚未完成",
    report_written: "报告生成时间",
    what_happened: "经过",
    no_notes: "没有写下任何记录。",
    timeline: "时间线",
    timeline_header: ["时间", "步骤", "内容"],
    decisions: "所做的选择",
    no_decisions: "没有回答任何问题。",
    items_involved: "涉及的条目",
    contacts: "此账户已保存的客服联系方式",
    no_contacts: "此账户没有保存客服联系方式或用户名。",
    username: "用户名",
    items_note: "与已完成步骤相关的保险库条目。只列出名称、类型和账户：绝不包含任何机密内容。",
    no_items_involved: "已完成的步骤没有关联任何保险库条目。",
    open_steps: "未完成的步骤",
    no_open_steps: "无：路径上的每一步都已完成。",
    support_asks: "客服可能会要求提供的信息",
    support_guidance: &[
        "清楚说明出了什么问题、你看到了什么（准确的错误提示、截图）。",
        "账户标识：用户名、账户绑定的邮箱或手机号、钱包地址。",
        "发生的时间，包括日期、时刻和你所在的时区（本报告中的每个时间都注明了与 UTC 的时差）。",
        "每笔相关交易的交易哈希（交易 ID）、金额和收款地址。",
        "你已经按顺序尝试过哪些办法（见上面的时间线），以及拿到的工单号。",
        "如果对方要求证明账户归你所有：只通过服务商的官方渠道提交。",
    ],
    ev_started: "开始执行",
    ev_checked: "已完成",
    ev_unchecked: "撤回",
    ev_answered: "已回答",
    ev_noted: "写下记录",
    ev_wait_started: "开始等待",
    ev_account: "设定账户",
    ev_finished: "全部步骤完成",
    ev_reopened: "重新打开",
    ev_archived: "已归档",
    ev_not_applicable: "不适用",
    steps_gone: "（此版本的应急手册已没有这一步）",
};

impl Strings {
    /// The text of a standard warning, if `id` is one.
    pub fn standard_warning(&self, id: &str) -> Option<&'static str> {
        self.standard_warnings
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, t)| *t)
    }
}

/// The strings for a language.
pub fn for_lang(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::ZhCn => &ZH_CN,
    }
}

/// The strings for a language tag as a playbook's `lang` gives it (`en`,
/// `zh-CN`, ...), English for a language lifeboat does not speak.
pub fn strings(lang: &str) -> &'static Strings {
    for_lang(Lang::from_tag(lang).unwrap_or(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::STANDARD_WARNINGS;

    #[test]
    fn every_language_has_every_standard_warning() {
        for lang in Lang::ALL {
            let s = for_lang(lang);
            assert_eq!(s.lang, lang.tag());
            assert_eq!(s.standard_warnings.len(), STANDARD_WARNINGS.len());
            for id in STANDARD_WARNINGS {
                assert!(s.standard_warning(id).is_some(), "{id} in {}", s.lang);
            }
            assert_eq!(s.support_guidance.len(), EN.support_guidance.len());
        }
    }

    #[test]
    fn tags_pick_the_table_and_unknown_ones_fall_back_to_english() {
        assert_eq!(strings("zh-CN").lang, "zh-CN");
        assert_eq!(strings("zh_cn").lang, "zh-CN");
        assert_eq!(strings("en").lang, "en");
        assert_eq!(strings("fr").lang, "en");
        assert_eq!(strings("zh-TW").lang, "en");
        assert!(strings("zh-CN")
            .standard_warning("seed-request")
            .unwrap()
            .contains("助记词"));
    }
}
