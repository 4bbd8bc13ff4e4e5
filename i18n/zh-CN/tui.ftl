# 全屏界面（src/tui）的文字。以空格开头或结尾的文本用 {" "} 写出：Fluent 会去掉普通的首尾空格。
# 按键名（Enter、Esc、Tab、Ctrl+U、PgDn）在各语言中保持原样。
# 80x24 的终端里一个汉字占两格：页脚、横幅和按键提示要在一行内放下。

## 固定文字

tui-tab-items = 条目
tui-tab-playbooks = 应急手册
tui-banner-key-not-confirmed = {" "}! 恢复密钥尚未确认：按 Tab 到“工具”，选“应急包”并打印出来。
tui-tab-tools = 工具
tui-tools-title = {" "}让保险库随时可以恢复{" "}
tui-tool-working = 正在处理…
tui-tool-folder-ask = 文件夹（最好是 U 盘或另一块磁盘；会被记住）：
tui-tool-folder-keys = Enter 开始 · Ctrl+U 清空 · Esc 取消
tui-split-plan-default = 2 of 3
tui-split-plan-ask = 要做几份份额，其中几份就能重建恢复密钥（例如 2 of 3、3 of 5）：
tui-split-plan-keys = Enter 下一步（选文件夹）· Ctrl+U 清空 · Esc 取消
tui-current-passphrase-label = 当前主密码：{"      "}
tui-passwd-explain = 先输入你现在用来解锁的主密码，再把新主密码输入两次。旧的备份仍然用旧主密码打开。
tui-passwd-current-empty = 请先输入当前的主密码（刚才解锁保险库用的那个）。
tui-passwd-keys = Tab 下一栏 · Enter 继续 · Esc 取消（不做任何更改）
tui-passwd-working = 正在核对当前主密码并派生新密钥（需要几秒钟）…
tui-mask = ••••••••
tui-reveal-hint = 按 r 显示
tui-no-matches = 没有条目符合搜索。按 Esc 清除搜索。
tui-unverified-banner = {" "}未验证，只读（额外密钥打开）。要修改：按 P 输入主密码或恢复密钥。
tui-unverified-mark = 未验证
tui-unsafe-folder-mark = 文件夹不安全
tui-unsafe-folder-banner = {" "}文件夹不安全：别人可以把这个保险库换成他们的。请运行 lifeboat doctor。
tui-prove-title = {" "}验证本次会话{" "}
tui-prove-why = 这个保险库是用一个额外接收者的密钥打开的：它能读取保险库，但无法证明是谁写入的，所以不能做任何修改。输入主密码，或粘贴恢复密钥（AGE-SECRET-KEY-1...），即可核对文件并进行修改。按 Esc：保持只读。
tui-prove-label = 主密码或恢复密钥：
tui-proving = 正在核对（派生密钥，大约一秒）…
tui-proof-failed = 这打不开此保险库。请再试一次，或按 Esc 保持只读。
tui-proved = 已验证：文件是真的，现在可以保存修改了。
tui-already-proved = 本次会话已经验证过（主密码或恢复密钥）：修改会被保存。
tui-not-saved-read-only = 未保存：本次会话是只读的（用额外密钥打开）。请按 P 验证主密码或恢复密钥，然后再保存一次。
tui-empty-vault = 保险库是空的。按 a 添加第一个条目。
tui-no-account = （无账户）
tui-search-prompt = 搜索：
tui-search-hint = 按 / 搜索名称、账户和标签
tui-unlock-title = {" "}解锁保险库{" "}
tui-passphrase-label = 主密码：
tui-unlocking = 正在解锁（派生密钥，大约一秒）…
tui-wrong-passphrase = 主密码不对。请再试一次；如果忘了，按 Ctrl+R。
tui-empty-passphrase = 请输入主密码，然后按 Enter。
tui-identity-hint = 启动时给了 --identity：栏位留空直接按 Enter，即用该身份文件解锁。
tui-forgot-link = 忘记主密码？按 Ctrl+R，用恢复密钥或保管人手里的份额找回。
tui-form-discarded = 你打开的条目表单尚未保存，已被丢弃；请重新添加该条目。
tui-note-kept = 你没写完的记录已保存在它的步骤上。
tui-locked-by-user = 已锁定；秘密信息已从内存中清除。
tui-demo-welcome = 演示：一个用完即弃的保险库，里面是虚构的示例条目；退出时会被删除。
tui-create-title = {" "}创建新的保险库{" "}
tui-new-passphrase-label = 新的主密码：{"      "}
tui-repeat-passphrase-label = 再输入一次：{"      "}
tui-policy = 至少 12 个字符，且不易猜到（强度达到 3 级或以上，满分 4 级）。四个或更多随机词效果很好。
tui-strength = 强度：
tui-policy-ok = 符合要求
tui-policy-not-met = 这个主密码还不符合要求（见上面的强度一行）。
tui-mismatch = 两次输入的主密码不一致。请把同一个主密码输入两次。
tui-creating = 正在创建保险库（派生密钥）…
tui-key-title = {" "}你的恢复密钥：请现在抄下来{" "}
tui-key-explain = 忘记主密码时，这个密钥可以打开保险库；即使没有 lifeboat，`age -d -i key.txt vault.age` 也能用它打开。请把它抄在纸上，离线存放在安全的地方。这里只显示这一次。
tui-word-edit-hint = ←/→ 选词 · 输入或 Backspace 修改 · 末尾再按 → 加词 · Ctrl+R 显示/隐藏
tui-key-groups = 同一个密钥（AGE-SECRET-KEY-1 之后的部分），按应急包上的样子五个一组：
tui-key-written-continue = 抄好以后，按 Enter。
tui-confirm-title = {" "}核对你抄下的内容{" "}
tui-confirm-label = 字符：
tui-confirm-wrong = 这些字符对不上。请检查你抄的内容；按 Esc 可再次显示密钥。
tui-created = 保险库已创建，密钥已确认。接下来：备份，再打印应急包（见下方）；Tab 去“条目”。
tui-recover-title = {" "}忘记主密码{" "}
tui-recover-explain = 粘贴恢复密钥（AGE-SECRET-KEY-1...），或保管人手里的 SLIP-39 份额（由英文单词组成，每行一份）。
tui-recover-keys = Enter：换行；在空行上（或按 Ctrl+S）继续。←→↑↓ 移动，Tab 跳到下一个错词，Esc 返回。
tui-recover-visible = 输入的内容会显示出来，方便与纸上的核对：请确保没有人能看到屏幕。
tui-key-character = 恢复密钥里有一个密钥不可能含有的字符（前缀之后只用字母和数字，且没有 1、b、i、o）：请与纸上的核对。
tui-recover-opening = 正在用恢复材料打开保险库…
tui-recover-empty = 请先粘贴恢复密钥或份额。
tui-recover-new = 保险库已打开。请设置新的主密码，它将取代忘记的那个。
tui-recover-saving = 正在设置新的主密码并保存…
tui-recovered = 新的主密码已设置，保险库已保存。
tui-f-kind = 类型
# 条目列表、详情标题和步骤关联条目中的类型标记（代码按本语言最宽的标记补齐）。
tui-kind-badge = { $kind ->
    [seed] 助记词
    [key] 私钥
    [totp] 验证码
    [codes] 恢复码
    [password] 登录
   *[other] 笔记
}
tui-f-account = 账户
tui-f-tags = 标签
tui-f-support = 客服
tui-f-notes = 备注
tui-f-updated = 更新于
tui-f-scheme = 方案
tui-f-words = 助记词
tui-f-bip39-passphrase = 助记词密码
tui-f-format = 格式
tui-f-key = 私钥
tui-f-code = 验证码
tui-f-secret = 密钥
tui-f-issuer = 发行方
tui-f-label = 标签名
tui-f-params = 参数
tui-f-username = 用户名
tui-f-password = 密码
tui-f-url = 网址
tui-f-text = 内容
tui-unused = 未用
# 步骤关联的恢复码还剩几个。
tui-linked-unused = { $count } 个未用
# 超出显示的六个之外的关联条目。
tui-linked-more = … 另有 { $count } 个
tui-hotp-no-code = 还没有（按 n）
tui-hotp-saving = 正在保存计数器…
tui-hotp-copy-first = 请先按 n 生成下一个验证码，然后按 c 复制。
tui-hotp-not-saved = 计数器没能保存，所以不显示验证码（只有计数器写入磁盘后才会显示验证码）。
tui-hotp-counter-end = 这个 HOTP 计数器已到最大值，无法再生成验证码。
tui-no-clipboard = 没有找到剪贴板工具（wl-copy/xclip/xsel）：没有复制任何内容；按 r 可显示。
# 剪贴板工具运行失败（$error：原因或退出状态）。
tui-clipboard-failed = { $tool } 运行失败（{ $error }）：没有复制任何内容。
tui-clipboard-exit = 退出状态为 { $status }
tui-clipboard-cleared = 剪贴板已清空。
tui-nothing-to-copy = 这里没有可复制的内容。
tui-saved = 已保存。
tui-changed-on-disk = 未保存：打开后，另一个程序修改了保险库。请锁定（L）后重新解锁以载入新版本，再重做这次修改。
tui-form-add = {" "}添加条目{" "}
tui-l-kind = 类型
tui-l-name = 名称
tui-l-account = 账户
tui-l-tags = 标签
tui-l-support = 客服
tui-l-notes = 备注
tui-l-scheme = 方案
tui-l-username = 用户名
tui-l-url = 网址
tui-l-seed-passphrase = 助记词密码
tui-seed-passphrase-hint = （可选，即第 25 个词；留空表示没有）
tui-keep-secret = （留空则保留当前的秘密信息）
tui-tags-hint = （用逗号分隔）
tui-cycle-hint = （←/→ 切换）
tui-secret-required = 秘密信息是空的；不会保存任何内容。
tui-key-as-text = 提示：这个私钥不是可识别的格式（hex、WIF、xprv），已按文本保存。
tui-not-started = 尚未开始
tui-complete = 全部完成
tui-when-to-use = 适用情况：
tui-h-why = 原因：
tui-h-do-not = 切勿：
tui-h-commands = 命令：
tui-h-choices = 按数字键回答：
tui-h-linked = 保险库条目（←/→ 选择，Enter 打开）：
tui-h-note = 记录：
tui-no-linked = 保险库里没有相符的条目。
tui-wait-over = 等待已结束。按空格勾选这一步。
tui-note-prompt = 记下来（Enter 保存，Esc 取消）：
tui-note-empty-required = 这一步要写下记录才算完成：输入内容后按 Enter。按 Esc 关闭，不勾选。
tui-note-empty-wait = 请说明等待为什么提前结束，然后按 Enter。按 Esc 关闭，计时继续。
tui-skip-empty = 请说明这一步为什么不适用于你（例如：没有服务商，所以不用提交工单），然后按 Enter。按 Esc 保留这一步。
tui-skip-prompt = 这一步不适用于你？请说明原因（按 Enter 标为跳过；算作已完成，报告中会显示原因）：
tui-quit-discard-ask = 退出并丢弃你输入的内容？按 y（或再按一次 Ctrl+C）退出；按其他键返回。
tui-quit-cancelled = 没有退出：你输入的内容还在。
tui-note-empty = 记录是空的：请输入内容，然后按 Enter。按 Esc 关闭。
tui-note-title = {" "}记录{" "}
tui-note-keys = Enter 保存 · Backspace 删除 · Esc 取消
tui-more-below = {" "}▼ 更多：PgDn{" "}
tui-more-above = {" "}▲ PgUp{" "}
tui-contacts-need-account = 按 A 设置本次事件的账户，即可看到为它保存的客服联系方式。
tui-no-contacts = 这个账户没有保存客服联系方式（在条目上按 e 添加）。
tui-early-wait-prompt = 等待为什么提前结束？（Enter 保存）：
tui-nothing-to-report = 还没有可报告的内容：请先勾选一个步骤。
tui-confirm-reset = 搁置这次处理并重新开始？y/n
tui-reset-explain = 这次处理会保留在保险库的历史中；不会删除任何内容。
tui-run-reset = 已搁置这次处理（保留在保险库的历史中）；这本应急手册从头开始。
tui-nothing-to-reset = 没有可重置的内容：这本应急手册还没有开始处理。
tui-account-title = {" "}这次事件涉及哪个账户？{" "}
tui-account-explain = 关联条目会只显示这个账户的。输入文字筛选，或直接填写账户名。
tui-account-any = （任意账户：列出所有相符的条目）
tui-account-cleared = 已清除账户：步骤会列出所有账户的条目。
tui-run-complete = 你路径上的步骤都已完成。按 w 生成报告。
tui-help-title = {" "}按键（按任意键关闭）{" "}
tui-too-small = 终端太小：请至少调到 60x16。
tui-terminal-closed = 终端已关闭；保险库已锁定，全屏界面已停止。请在终端中重新打开 lifeboat。

## “工具”标签页

tui-tool-folder = 备份文件夹：{ $dir }
tui-tool-backup-name = 备份
tui-tool-backup-what = 把一份已验证的副本写入备份文件夹
tui-tool-drill-name = 恢复演练
tui-tool-drill-what = 打开那里最新的备份并比对
tui-tool-kit-name = 应急包
tui-tool-kit-what = 可打印的恢复密钥和说明
tui-tool-split-name = 拆分恢复密钥
tui-tool-split-what = 把恢复密钥拆成保管人的份额
tui-tool-passphrase-name = 修改主密码
tui-tool-passphrase-what = 设置新的主密码
tui-tool-doctor-name = 安全体检（doctor）
tui-tool-doctor-what = 需要修复什么，以及怎么修
tui-tool-purge-name = 抹除已删除条目的内容
tui-tool-purge-what = 已删除条目的内容在抹除前仍留在保险库中
tui-tool-backup-written = 备份已写入并验证：{ $path }
tui-tool-backup-kept = 文件夹里有 { $kept } 份备份。请时常用“恢复演练”检查其中一份。
tui-tool-drill-opens = 演练：{ $path } 能用恢复密钥打开。
tui-tool-drill-same = 它的条目与保险库完全一致。已记录这次演练。
tui-tool-drill-differs = 它与保险库不一致（较旧，或之后有过修改）：请做一次新的备份。已记录这次演练。
tui-tool-no-backup = { $dir } 里没有 lifeboat 备份：请先做一份（“备份”）。
tui-tool-kit-written = 应急包已写入：{ $path }（权限 0600）。
tui-tool-kit-then = 用浏览器打开并打印，然后删除这个文件：它含有恢复密钥。
tui-split-explain =
    每位保管人拿一份份额。份数不够，什么也看不出来；份数够了，就能重建恢复密钥，从而替换忘记的主密码。
    写出任何份额文件之前，会先检查每一种组合。
tui-split-folder-ask = 存放 { $n } 个份额文件的文件夹（每份一个 0600 文件；不要用备份文件夹：份额和备份放在一起，就等于把密钥放在那里）：
tui-split-file = { $path }：{ $label }
tui-tool-passphrase-changed = 主密码已修改并保存：现在只有新主密码能打开保险库。
tui-tool-passphrase-old-backups = 以前做的备份仍然用旧主密码打开：请做一次新的备份（“备份”）。
tui-tool-passphrase-kdf-raised = 原来的密钥派生参数低于下限，现在是 Argon2id { $mib } MiB、{ $passes } 轮。
tui-passphrase-not-saved = 主密码没有修改（保存失败：{ $error }）；旧主密码仍然能打开保险库。
tui-fix-backup = 在这里：备份（列表第一项）
tui-fix-drill = 在这里：对最新的备份做恢复演练
tui-fix-recovery-key = 在这里：应急包（打印出来），或拆分恢复密钥
tui-fix-kdf = 在这里：修改主密码（可以再输入同一个）
tui-fix-deleted-kept = 在这里：抹除已删除条目的内容
tui-first-run-tools =
    你的保险库是新建的。做好两件事，它就随时可以恢复：
    {"  "}1. 备份（现在按 Enter），最好存到 U 盘或另一块磁盘；
    {"  "}2. 应急包（↓↓ Enter）：打印出来，和重要文件放在一起。
# The command to run follows on a line of its own, so it is copied whole.
tui-unsafe-folder = 警告：保险库所在的文件夹不是私有的：{ $why }，所以别人可能已经把保险库换成了他们自己的。修复命令：

## 解锁、创建、找回

tui-locked-idle = { $duration }无操作，已自动锁定；秘密信息已从内存中清除。
tui-demo-passphrase = 演示保险库的主密码：{ $passphrase }
tui-create-intro = { $path } 还没有保险库。设置一个主密码来创建。
tui-confirm-ask = 请对照你抄在纸上的恢复密钥，输入第 { $a1 }-{ $a2 } 个和第 { $b1 }-{ $b2 } 个字符（共 4 个字符；第 1 个字符是 AGE 的 A）。
tui-share-word-unknown-suggest = 第 { $line } 行第 { $pos } 个词“{ $word }”不是份额词：是不是“{ $suggestion }”？
tui-share-word-unknown = 第 { $line } 行第 { $pos } 个词“{ $word }”不是份额词：请对照纸上的检查。
tui-share-word-checksum = 第 { $line } 行：校验和不符；第 { $pos } 个词“{ $word }”可能应为“{ $right }”：请与纸上的核对。
tui-share-checksum = 第 { $line } 行：校验和不符：不止一个词写错、缺漏或顺序不对；请逐词与纸上的核对。
tui-recover-failed = 没能打开保险库：{ $error }
tui-duration-minutes = { $minutes } 分钟
tui-duration-seconds = { $secs } 秒

## 条目

tui-revealed-for = 已显示，{ $secs } 秒后重新遮住（按 r 立即隐藏）
tui-used-at = { $time } 已使用
tui-codes-summary = 共 { $total } 个，{ $unused } 个未用
tui-code-changes-in = { $secs } 秒后更新
tui-hotp-next = 计数器 { $counter }：按 n 生成下一个验证码（先保存计数器，所以同一个验证码绝不会显示两次）
tui-hotp-made = 计数器 { $counter } 的验证码；保险库里的计数器现在是 { $next }
tui-totp-params = { $alg } / { $digits } 位 / { $period } 秒
tui-confirm-delete = 删除“{ $name }”？按 y 删除，按 n 保留。
tui-deleted = 已删除“{ $name }”。它的内容在抹除前仍留在保险库中：工具 › 抹除已删除条目的内容。
tui-added = 已添加“{ $name }”。
tui-changed = 已保存对“{ $name }”的修改。
tui-code-marked-used = 恢复码 { $n } 已标为已用。
tui-code-marked-unused = 恢复码 { $n } 已重新标为未用。
tui-copied = 已用 { $tool } 复制；剪贴板将在 { $secs } 秒后清空。
tui-clipboard-clears-in = 剪贴板 { $secs } 秒后清空
tui-save-failed = 未保存：{ $error }
tui-merged-on-save = 已保存。期间另一个程序修改了保险库；它的修改（{ $count } 个条目）已与你的合并，没有丢失任何内容。
tui-merged-on-save-conflicts = 已保存，并与另一个程序的修改合并。双方都改了 { $names }：显示的是较新的值，另一个保留在条目的历史中。
tui-list-separator = 、

## 表单

tui-form-edit = {" "}编辑“{ $name }”{" "}
tui-secret-seed = 助记词
tui-secret-key = 私钥
tui-secret-totp = otpauth 链接或 base32
tui-secret-codes = 恢复码（用空格分隔）
tui-secret-password = 密码
tui-secret-note = 机密笔记
tui-words-typed = （{ $n } 个词）
tui-name-taken = 已经有名为“{ $name }”的条目；请换一个名称。

## 应急手册与执行

tui-step-check = 检查
tui-step-action = 操作
tui-step-decision = 问题
tui-step-note = 记录
tui-step-wait = 等待
tui-wait-not-started = 需等待 { $duration }。按空格开始计时。
tui-wait-left = 等待中：还剩 { $duration }。如果提前结束，按空格并写明原因。
tui-answer-with-numbers = 这是一个问题：请用数字键 1 到 { $n } 回答。
tui-h-contacts = 为 { $account } 保存的客服联系方式：
tui-username-line = 用户名（{ $name }）：{ $user }
tui-report-written = 报告已写入 { $path }（权限 0600）。
tui-report-failed = 报告没有写成：{ $error }
tui-runner-progress = 已完成 { $done }/{ $total } 步
tui-runner-account = 账户：{ $account }
tui-account-typed = 使用“{ $account }”（没有条目属于这个账户）
tui-account-set = 账户已设为“{ $account }”：步骤只列出它的条目。

## 界面框架

tui-auto-lock-in = { $secs } 秒后锁定
tui-stopped-by-signal = 因 { $signal } 停止；保险库已锁定，终端已恢复。

## 页脚：各界面的按键（按键名保持原样）

tui-footer-unlock = Enter 解锁 · Ctrl+R 忘记主密码 · F1 帮助 · Esc 退出
tui-footer-busy = 请稍候 · Ctrl+C 退出
tui-footer-create-passphrase = Tab 下一栏 · Enter 继续 · F1 帮助 · Esc 退出
tui-footer-create-key = Enter 我已抄好 · Ctrl+C 退出
tui-footer-create-confirm = Enter 核对 · Esc 再次显示密钥
tui-footer-recover-material = Enter 换行（空行：继续）· ←→↑↓ 移动 · Tab 错词 · Esc 返回
tui-footer-recover-passphrase = Tab 下一栏 · Enter 设置主密码 · Esc 取消
tui-footer-items = ↑↓ 移动 · Enter 打开 · / 搜索 · a 添加 · Tab 应急手册 · ? 帮助 · q 退出
tui-footer-search = 输入即筛选 · ↑↓ 移动 · Enter 打开 · Esc 清除
tui-footer-detail = r 显示 · c 复制 · e 编辑 · d 删除 · Esc 返回 · ? 帮助 · q 退出
tui-footer-detail-codes = ↑↓ 选码 · u 已用 · r 显示 · c 复制 · e 编辑 · Esc 返回 · ? 帮助
tui-footer-detail-hotp = n 下一个 · c 复制 · r 显示 · e 编辑 · d 删除 · Esc 返回 · ? 帮助
tui-footer-confirm-delete = y 删除 · n 保留
tui-footer-form = Tab/↑↓ 换栏 · ←/→ 切换/选词 · Ctrl+R 显示 · Ctrl+S 保存 · Esc
tui-footer-playbooks = ↑↓ 移动 · Enter 打开 · Tab 工具 · ? 帮助 · q 退出
tui-footer-runner = Space 勾选 · 1-9 回答 · n 记录 · Enter 条目 · PgDn 正文 · Esc · ? 帮助
tui-footer-note-entry = 输入记录 · Enter 保存 · Esc 取消
tui-footer-confirm-reset = y 搁置并重新开始 · n 保留
tui-footer-account-entry = 输入即筛选 · ↑↓ 选择 · Enter 设定 · Esc 取消
tui-footer-tools = ↑↓ 选择 · Enter 运行 · PgDn/PgUp 滚动 · Tab 条目 · ? 帮助 · q 退出
tui-footer-tools-folder = 输入文件夹 · Enter 开始 · Esc 取消
tui-footer-tools-split = 输入 K of N · Enter 下一步 · Esc 取消
tui-footer-tools-passphrase = Tab 下一栏 · Enter 继续 · Esc 取消
tui-footer-tools-purge = ↑↓ 选择 · Enter 抹除这一个 · a 全部抹除 · Esc 返回 · ? 帮助
tui-footer-confirm-purge = y 永久抹除 · n 保留
tui-footer-tools-purge-empty = Esc 返回 · ? 帮助 · q 退出
tui-footer-prove = 输入或粘贴 · Enter 核对 · Esc 保持只读

## 帮助：每个键的作用

tui-key-unlock = 用主密码解锁
tui-key-forgot = 忘记主密码：用恢复密钥或份额
tui-key-quit = 退出
tui-key-this-help = 本帮助
tui-key-prove-check = 核对主密码或恢复密钥
tui-key-stay-read-only = 保持只读
tui-key-switch-fields = 在两栏之间切换
tui-key-continue = 继续
tui-key-cancel = 取消
tui-key-key-written = 抄好密钥后继续
tui-key-check-characters = 核对这些字符
tui-key-show-key-again = 再次显示密钥
tui-key-name-paste-type = 粘贴 / 输入
tui-key-recover-material = 恢复密钥，或每行一份份额
tui-key-recover-enter = 换行；在空行上：继续
tui-key-recover-move = 移动光标，就地改正一个词
tui-key-recover-tab = 跳到下一个有错的词
tui-key-back-to-passphrase = 返回主密码
tui-key-move = 移动
tui-key-page = 翻页、第一项、最后一项
tui-key-open-item = 打开条目
tui-key-search = 搜索名称、账户和标签
tui-key-clear-search = 清除搜索
tui-key-add = 添加条目
tui-key-items-tab = 切到应急手册，再切到工具（备份、演练、体检等）
tui-key-lock = 立即锁定
tui-key-prove = 只读会话：输入主密码或恢复密钥
tui-key-name-type = 输入
tui-key-filter = 边输入边筛选
tui-key-open-selected = 打开选中的条目
tui-key-reveal = 显示 / 隐藏秘密信息（30 秒后自动隐藏）
tui-key-copy = 复制（TOTP：验证码；HOTP：按 n 生成的验证码）；稍后自动清空
tui-key-hotp-next = HOTP：先保存前进后的计数器，再显示下一个验证码
tui-key-codes-choose = 恢复码：选择一个
tui-key-codes-used = 恢复码：标为已用 / 未用
tui-key-edit = 编辑
tui-key-delete = 删除（会先确认）
tui-key-back = 返回
tui-key-next-field = 下一栏
tui-key-previous-field = 上一栏
tui-key-change-kind = 切换类型或方案
tui-key-form-enter = 下一栏；在最后一栏：保存
tui-key-save = 保存
tui-key-clear-field = 清空本栏
tui-key-show-secret = 输入时显示 / 隐藏秘密信息
tui-key-name-seed-arrows = 助记词上按 ← →
tui-key-fix-word = 选一个词就地改正
tui-key-choose-tool = 选择工具
tui-key-run-tool = 运行（用到文件夹的工具会先询问）
tui-key-scroll-results = 滚动结果（▼ 更多：后面还有）
tui-key-cancel-tool = 取消正在询问的工具（不做任何更改）
tui-key-to-items = 切换到条目
tui-key-purge-choose = 选择一个已删除条目
tui-key-purge-one = 抹除所选条目的内容（会先确认）
tui-key-purge-all = 抹除列出的所有条目的内容（会先确认）
tui-key-purge-answer = 回答问题（y 抹除，n 保留）
tui-key-purge-back = 返回工具列表（不抹除任何内容）
tui-key-open-playbook = 打开应急手册
tui-key-to-tools = 切换到工具
tui-key-choose-step = 选择步骤
tui-key-scroll-step = 滚动步骤正文（▼ 更多：后面还有）
tui-key-tick = 勾选 / 取消勾选；等待步骤开始计时
tui-key-answer = 回答问题
tui-key-note = 给这一步加记录
tui-key-skip = 这一步不适用：写明原因后标为跳过
tui-key-choose-linked = 选择关联的保险库条目
tui-key-open-linked = 打开关联的条目
tui-key-report = 生成报告（只含该账户的条目；按 A 选任意账户可扩大）
tui-key-account = 设置本次事件的账户（条目只显示该账户的）
tui-key-reset = 搁置这次处理并重新开始（会先确认）
tui-key-back-to-list = 返回列表
tui-markers-runner =
    {""}[x] 已完成  [/] 已跳过（S）  [>] 下一步  [ ] 待办  [~] 等待中
    {""}[?] 等待一个未回答的问题（回答后才计入）  › 已选
    {""}[-] 不在你的路径上（某个回答指向了别处）
    ✎ 记录步骤  ? 问题  ~ 等待  ! 有“切勿”警告
    ▼ 更多 / ▲：步骤正文在下方 / 上方还有（PgDn PgUp）
    n/m 步：m 是你路径上的步骤数，包括已走过的和还没到的
tui-markers-playbooks = 进度条和 n/m：你路径上的步骤中已完成的数量（含已走过的和还没到的）
tui-markers-tools =
    体检：✓ 正常  ! 值得修复  ✗ 立即修复；→ 修复方法
    ▼ 更多 / ▲：结果在下方 / 上方还有（PgDn PgUp）

## 拒绝、状态与错误

tui-refused-seed = { $error }。没有保存任何内容。（不是 BIP39 的助记词，请把“方案”设为 other。）
tui-refused-key = { $error }。没有保存任何内容。
tui-scheme-words = { $scheme }（{ $n } 个词）
tui-codes-unused-short = { $unused }/{ $total } 未用
tui-state-done = 已完成
tui-state-open = 待办
tui-state-next = 下一步
tui-state-skipped = 不在路径上
tui-state-waiting = 等待中
tui-cannot-create = 无法创建 { $path }：{ $error }
tui-write-failed = 写入 { $path } 失败：{ $error }
tui-steps-title = {" "}步骤{" "}
tui-esc-clears = （按 Esc 清除）
tui-identity-not-this-vault = --identity 给出的文件打不开这个保险库；请确认它是这个保险库的恢复密钥，或某个已添加接收者的身份文件
tui-recovery-not-this-vault = 这个密钥或这些份额不属于这个保险库
tui-terminal-error = 终端出错：{ $error }
tui-temp-folder-error = 无法创建临时文件夹：{ $error }
tui-matches-count = { $shown }/{ $total }
tui-masked-with-hint = { $mask }（按 r 显示）
tui-sentences = { $first }{ $second }

# 工具 › 抹除已删除条目的内容（src/tui/screens/tools.rs）：已删除条目的墓碑
# 在抹除前一直保留它的内容（docs/threat-model.md，“删除条目能保证什么”）。
tui-purge-heading = 以下 { $count } 个已删除条目仍保留着内容（包括机密），最近删除的在前：
tui-purge-removed-on = 删除于 { $day }
tui-purge-nothing = 没有可抹除的内容：没有哪个已删除条目还保留着内容。
tui-purge-empty-keys = Esc 返回
tui-purge-list-keys = Enter 抹除所选的一个 · a 全部抹除 · Esc 返回
tui-purge-explain = 已删除的条目仍把内容留在保险库里，这样合并较旧的副本时它仍保持删除。抹除后只留下它被删除这件事：名称、类型和日期。
tui-purge-ask-one = 永久抹除“{ $name }”的内容吗？
tui-purge-ask-all = 永久抹除全部 { $count } 个已删除条目的内容吗？
tui-purge-keeps-deletion = 此操作无法撤销。条目仍保持删除（只保留名称、类型和日期），合并较旧的副本时它也仍保持删除。
tui-purge-not-reached = 之前做的副本仍保留着这些内容：备份、同步冲突副本、尚未合并此保险库的其他设备、git 历史。请删除这些副本；如果做不到，就把该机密当作已泄露（转走资金、撤销密钥）。
tui-purge-confirm-keys = y 永久抹除 · n 保留
tui-purge-read-only = 没有抹除任何内容：本次会话是只读的（用额外密钥打开）。请先验证主密码或恢复密钥，再抹除一次。
tui-tool-purge-done = 已永久抹除 { $count } 个已删除条目的内容。
tui-tool-purge-copies = 之前做的备份和副本仍保留着它们：删除你能控制的那些（见 docs/threat-model.md）。
