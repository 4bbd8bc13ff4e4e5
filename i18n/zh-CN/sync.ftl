# 在多台设备上保存同一个保险库（src/cli/merge_cmd.rs、src/vault、
# src/tui/screens/sync.rs、src/tui/tool_work.rs）：TUI 中提供合并同步冲突副本、
# 保存时合并了其他程序的修改、合并后两个条目同名。

## 多个条目同名

sync-ambiguous-one = { $id }（{ $kind }）
sync-ambiguous-name = 有 { $count } 个条目都叫“{ $name }”：{ $matches }。保险库的两个副本各自新增了一个，合并时两个都保留了。请改用条目 id 指定你要的那个，例如 `lifeboat show { $first }`（`lifeboat list --json` 会列出每个 id）；若要彻底区分，可在 TUI 中给其中一个改名（在条目页按 e），或用 `lifeboat rm ID` 删除其中一个。
sync-duplicate-name = 现在有两个条目都叫“{ $name }”：请用 id 指定（`lifeboat list --json` 会列出 id），或给其中一个改名
sync-tui-same-name = 同名，id { $id }…

## 命令行保存时合并了其他程序的修改

sync-cli-merged-on-save = 本命令运行期间，另一个程序修改了保险库（同步工具，或别处的 lifeboat）；你的修改已与之合并并保存，没有丢失任何内容。
sync-cli-merged-counts = {"  "}来自另一个版本：新增 { $added }，更改 { $changed }，删除 { $deleted }
sync-cli-merged-conflict = {"  "}冲突：双方都改了 { $item }（{ $field }）；较新的值为当前值，另一个值保存在条目历史中
sync-cli-merged-restored = {"  "}{ $item } 在一个版本中被删除、在另一个版本中被修改：已保留，并带有该修改
sync-cli-merged-restored-erased = {"  "}{ $item } 的内容已被抹除：它们仍保持抹除，只有那次修改回来了

## TUI：提示条、页面和按键

sync-banner = {" "}! 同步工具在保险库旁留下了 { $count } 个冲突副本：按 m 查看并合并
sync-tool-fix = 按 m 查看并在此合并；合并后该副本会被移到备份文件夹
sync-title = 同步冲突副本
sync-explain = 同步工具在保险库旁保留了这些版本，其中的修改还不在保险库里。按 Enter 合并所选副本（不会丢失任何内容；之后该副本会被移到备份文件夹，绝不删除）。按 Esc 留待以后处理。
sync-read-only = 当前会话为只读：请先按 Esc，再按 P 用主密码或恢复密钥证明身份，然后再合并。
sync-loading = 正在打开每个副本并与保险库比较……
sync-none = 保险库旁现在没有冲突副本。
sync-merging = 正在合并并保存……
sync-footer = ↑↓ 选择 · Enter 合并此副本 · Esc 以后再说 · ? 帮助
sync-footer-items = ↑↓ 移动 · Enter 打开 · / 搜索 · a 添加 · m 查看冲突副本 · ? 帮助 · q 退出
sync-help-move = 选择一个副本
sync-help-merge = 合并它，并把副本保存到备份文件夹
sync-help-back = 返回列表；副本留在原处
sync-help-help = 本帮助
sync-help-review = 查看并合并同步冲突副本

## 合并一个副本会带来的变化

sync-adds = 新增：{ $names }
sync-changes = 更改：{ $names }
sync-deletes = 删除：{ $names }
sync-restores = 保留并带上另一方的修改（此处已删除）：{ $names }
sync-restores-erased = 其中这些不含你已抹除的内容（只有修改回来）：{ $names }
sync-conflict-theirs = 冲突：双方都改了 { $item }（{ $field }）；副本的值较新，成为当前值，本保险库的值移入条目历史
sync-conflict-ours = 冲突：双方都改了 { $item }（{ $field }）；本保险库的值较新，保持不变，副本的值移入条目历史
# 冲突行中的字段名。
sync-field-name = { $field ->
    [name] 名称
    [account] 账户
    [tags] 标签
    [support] 客服
    [notes] 备注
    [secret] 机密内容
   *[other] { $field }
}
# 冲突字段列表中的一项。
sync-conflict-entry = { $item }（{ $field }）
# 冲突副本的文件名和留下它的同步工具。
sync-copy-title = { $file }（{ $tool }）
sync-settings = 来自副本的设置：{ $names }
sync-playbooks = 来自副本的应急手册进度和活动日志
sync-nothing-new = 没有新内容：其中的一切都已在保险库里（合并只会把副本移开）
sync-and-more = {" "}等另外 { $count } 个

## 已合并或被拒绝

sync-refused = 已拒绝，绝不合并：{ $reason }
sync-refused-forged = 它未通过真实性检查，可能是被人放置的伪造文件。请勿使用；它保留在原处。
sync-refused-keys = 本保险库的恢复密钥打不开它（它的密钥已更换，或它并非由本保险库而来）。如果它确实是你的，请在命令行合并：lifeboat merge FILE --other-identity 它的恢复密钥文件
sync-refused-read-only = 当前会话为只读；请先证明身份（P），再合并
sync-refused-other-vault = 它是另一个保险库的副本。请在那边用 `lifeboat export` 导出，再在这边用 `lifeboat import` 导入。
sync-refused-damaged = 无法作为保险库读取：{ $error }
sync-gone = 该副本已不在保险库旁（期间已被移走或合并）
sync-not-merged = 未合并 { $file }：{ $reason }
sync-merged = 已合并 { $file } 并保存：新增 { $added }，更改 { $changed }，删除 { $deleted }。
sync-merged-conflicts = 有 { $count } 个字段双方都改过：另一个值保存在条目历史中。
sync-moved = 该副本已移到 { $to }。
sync-not-moved = 无法移开该副本（{ $error }）；它已合并，你可以自行移动或删除它。
sync-left-for-later = { $count } 个冲突副本留在保险库旁，未合并。

## 安全检查

sync-doctor-duplicate = 有 { $count } 个条目都叫“{ $name }”（{ $ids }）：合并时两者都保留了，用这个名字执行命令时会询问你指的是哪一个
sync-doctor-duplicate-fix = 用条目 id 指定（`lifeboat show { $id }`），或在 TUI 中给其中一个改名（在条目页按 e），让每个名字都能区分开
