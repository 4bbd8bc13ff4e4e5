# 命令行的消息（src/cli）。以空格开头或结尾的文本用 {" "} 写出：Fluent 会去掉普通的首尾空格。

cli-prompt-passphrase = 保险库主密码：{" "}
cli-prompt-prove = 保险库主密码（用于进行这次修改）：{" "}
cli-prove-on-terminal = 这个保险库是用 { $recipient }（一个额外接收者的密钥）打开的：它能读取保险库，但无法证明是谁写入的。要进行这次修改，请输入保险库的主密码（按 Ctrl+C 停止；不会做任何修改）。
cli-proof-failed = 这个主密码打不开此保险库，所以用额外密钥打开的会话仍然是只读的，没有做任何修改。请提供保险库的主密码（在提示时输入，或与 --identity 一起使用 --passphrase-fd N），或者把恢复密钥作为第二个 --identity 提供
cli-secret-again =
    { $why }
    请再输入一次（还可以试 { $left } 次；按 Ctrl+C 停止）。
cli-new-passphrase-again =
    { $why }
    请换一个（还可以试 { $left } 次；按 Ctrl+C 停止）。
cli-wrong-passphrase-again = 这个主密码打不开此保险库。请再试一次（还可以试 { $left } 次；按 Ctrl+C 停止）。
cli-prompt-new-passphrase = 新的主密码（至少 12 个字符，不易猜到）：{" "}
cli-prompt-repeat-passphrase = 再输入一次新的主密码：{" "}
cli-passphrase-mismatch = 两次输入的主密码不一致，没有做任何更改。请重新运行该命令
cli-policy-hint = 请用四个或更多随机词，或一句只有你知道的较长句子（如果你接受这个风险，也可以加上 --allow-weak-passphrase）。
cli-no-tty = 这里没有终端可以询问主密码；请加上 --passphrase-fd N（例如 `--passphrase-fd 3 3<file`）或 --identity FILE
cli-no-tty-new = 这里没有终端可以询问新的主密码；请通过文件描述符传入（init：--passphrase-fd N；passwd/recover：--new-passphrase-fd N）
cli-no-command = 没有给出命令，而这里也没有终端可以打开全屏界面；请在终端中运行，或给出一个命令，例如 `lifeboat list`（`lifeboat --help` 列出全部命令）
cli-plaintext-warning = 警告：此导出文件以【明文】保存你的秘密信息。请离线保管，切勿同步或通过邮件发送，用完后立即删除。
cli-recovery-key-banner =
    这是你的【恢复密钥】。忘记主密码时，它可以打开保险库；
    即使没有 lifeboat，标准的 `age -d -i key.txt vault.age` 也能用它打开。
    请现在就把它抄写或打印下来，离线存放在安全的地方。
    它只显示这一次（以后可以凭主密码重新导出）。
cli-nothing-stored = 。没有保存任何内容。
cli-seed-bip39-hint = 。没有保存任何内容。（非 BIP39 钱包请用 --scheme other；若仍要保存，请用 --no-verify。）
cli-seed-slip39-hint = 。没有保存任何内容。（若仍要保存，请用 --no-verify。）
cli-key-as-text = 提示：这个私钥不是可识别的格式（hex、WIF、xprv），已按文本保存。
cli-seed-is-electrum = 提示：这些词是 Electrum 助记词（{ $kind }），不是 BIP39；已按 electrum 方案保存。请在 Electrum 中恢复（BIP39 钱包会显示不同的地址）。
cli-seed-also-electrum = 提示：这些词通过了 BIP39 校验，同时带有 Electrum 的“{ $kind }”版本标记。如果这个助记词是 Electrum 生成的，请删除该条目，再用 --scheme electrum 重新添加。
cli-seed-electrum-old = 提示：Electrum 2.0 之前的助记词没有校验和；lifeboat 只能检查它有 12 或 24 个词，且每个词都在 Electrum 旧词表中。请逐词与备份核对。
cli-seed-is-monero = 提示：这些词是 Monero 助记词（校验词已验证），不是 BIP39；已按 monero 方案保存。请在 Monero 钱包中恢复。
cli-seed-monero-hint = 。没有保存任何内容。（若仍要保存，请用 --no-verify。）
cli-image-seed-totp-only = --image 只能读取助记词条目（SeedQR）和 totp 条目（otpauth 二维码）
cli-cannot-read = 无法读取 { $path }：{ $error }
cli-qr-needs-gauth = --qr 生成的是 Google Authenticator 的迁移二维码；请与 --format gauth 一起使用
cli-export-skipped = {"  "}未导出：“{ $name }”：{ $why }
cli-export-drops = 提示：这种格式无法保存{ $fields }；这些内容只保留在保险库中。
cli-qr-written = 已写入 { $path }（权限 0600）。
cli-key-bip38 = 提示：这是用 BIP38 密码加密的私钥，已按 bip38 保存。没有它的密码它就毫无用处：请把那个密码也保存好（例如作为一个密码条目）。
cli-not-hotp = 这个条目已不再是 HOTP 密钥；请重新运行该命令
cli-hotp-counter-end = 这个 HOTP 计数器已到最大值，无法再前进；请在该服务上重新设置密钥
cli-seedqr-bip39-only = --seedqr 只适用于 BIP39 助记词条目（SeedQR 只能容纳 12 或 24 个英文单词的助记词）
cli-seedqr-extension = --seedqr 只能写 .png 或 .svg 文件；请用这两种扩展名之一命名文件
cli-confirm-short-forms =
    这些词展开后是下面这组有效的 BIP39 助记词：
    { $columns }请与你的钢板逐一核对。要保存这些词吗？
cli-short-forms-declined = 没有保存任何内容；请输入完整的单词，或再检查一遍钢板
cli-short-forms-hint = 。没有保存任何内容。（请在终端中运行，以查看并确认完整的单词；或加上 --expand-short。）
cli-prompt-bip39-passphrase = 助记词密码（第 25 个词，输入时不显示）：{" "}
cli-masked = ••••••••（加上 --reveal 显示）
cli-vault-created = 已在 { $path } 创建保险库
cli-recovery-key-written = 恢复密钥已写入 { $path }（权限 0600）。请打印或抄写到纸上，然后把这个文件离线保存。
cli-item-added = 已添加{ $kind }条目“{ $name }”。
cli-low-codes = 警告：只剩 { $unused } 个未用的恢复码：请到服务商处生成新的恢复码并添加进来。
cli-item-removed = 已删除“{ $name }”。
cli-too-many-recipients = 这个保险库已经有 { $max } 个额外接收者，这是上限（更大的文件头会被当作恶意内容拒绝）；请先用 `lifeboat recipient rm` 删除一个
cli-kdf-below-floor = Argon2id 的参数（{ $mib } MiB、{ $t } 轮）低于 OWASP 对 Argon2id 的最低要求（19 MiB 2 轮，或同等工作量：46 MiB x 1、12 MiB x 3、9 MiB x 4、7 MiB x 5），被盗的保险库文件可能很快被猜出。去掉 --kdf-* 选项即用默认值（256 MiB）；如果你接受这个风险，请加上 --allow-weak-kdf
cli-kdf-weak-accepted = 警告：Argon2id 的参数（{ $mib } MiB、{ $t } 轮）低于 OWASP 的最低要求；因为有 --allow-weak-kdf 而被接受。以后可以用 `lifeboat passwd --kdf-memory 256 --kdf-time 3` 提高
cli-kdf-kept = 警告：保险库保留了原来的 Argon2id 参数（{ $mib } MiB、{ $t } 轮），低于 OWASP 的最低要求或 RFC 9106 的建议（64 MiB 3 轮）；请用 `lifeboat passwd --kdf-memory 256 --kdf-time 3` 提高
cli-kdf-below-recommendation = 警告：Argon2id 的参数（{ $mib } MiB、{ $t } 轮）达到了 OWASP 的最低要求，但没有达到 RFC 9106 的建议（64 MiB 3 轮，即 192 MiB·轮，或 2 GiB）；除非这台机器内存不足，建议使用默认值（256 MiB）
cli-unsafe-folder-warning = 警告：保险库所在的文件夹不是私有的：{ $why }。别人可能已把保险库换成了他们自己的；请确认里面的条目确实是你保存的，并用 `{ $fix }` 修复

cli-pb-no-vault = 提示：还没有保险库，所以不显示进度；勾选步骤需要先有保险库（`lifeboat init`）。
cli-pb-user-dir-invalid =
    警告：没有加载你自己的应急手册，内置的应急手册仍可使用。
    { $details }
cli-pb-all-done = { $err }。你路径上的每个步骤都已完成。
cli-pb-next = { $err }。你路径上的下一步：`{ $next }`
cli-pb-next-then = { $err }。你路径上的下一步：`{ $next }`；之后：{ $rest }
cli-pb-next-then-more = { $err }。你路径上的下一步：`{ $next }`；之后：{ $rest }……
cli-list-separator = 、
cli-pb-checked = 已完成：`{ $step }`（{ $title }）。
cli-pb-wait-started = 已开始等待 `{ $step }`；等待在 UTC 时间 { $ends } 结束。届时请再勾选一次（`lifeboat playbook check { $id } { $step }`），如果等待提前结束，也可以用 --note 说明原因后提前勾选。
cli-pb-unchecked = 已撤回 `{ $step }`；它的备注仍然保留。
cli-pb-skipped = 已把 `{ $step }` 标为不适用：{ $reason }。它算作已完成；`playbook uncheck` 可以撤回。
cli-pb-answered = 已回答 `{ $step }`：{ $choice }（{ $title }）。
cli-pb-noted = 已给 `{ $step }` 添加备注。
cli-pb-started-account = `{ $id }` 的这次处理针对账户 { $account }；操作步骤会优先列出它的条目。
cli-pb-started = 已开始处理 `{ $id }`。
cli-pb-unchanged = 没有变化（已经记录过）。
cli-pb-reset = `{ $id }` 的这次处理已搁置（保存在保险库的历史记录中）；下次勾选将开始新的一次处理。
cli-pb-nothing-to-reset = `{ $id }` 没有进行中的处理；无需重置。
cli-pb-progress-next = 进度：已完成 { $done } / { $total } 个步骤。下一步：`{ $step }`：{ $title }
cli-pb-progress-done = 进度：已完成 { $done } / { $total } 个步骤；你路径上的每个步骤都已完成。联系客服时可附上：`lifeboat playbook report { $id } --out { $id }.md`
cli-pb-no-run = `{ $id }` 还没有可以生成报告的处理记录；请先勾选它的第一个步骤（`lifeboat playbook show { $id }` 列出所有步骤），再生成报告
cli-pb-out-exists = { $path } 已存在；请换一个文件名，或把旧文件移走（报告从不覆盖）
cli-pb-report-written = 报告已写入 { $path }（权限 0600）。其中没有秘密信息，但有你的备注：发送前请先读一遍。
cli-pb-valid = { $file }：正确（应急手册 `{ $id }`，{ $steps } 个步骤）
cli-pb-invalid = { $file } 中有 { $n } 个问题；请修正后再运行 `lifeboat playbook validate`

cli-unverified-warning = 警告：【未验证】。这个保险库是用 { $recipient }（一个额外接收者的密钥）打开的：它能读取保险库，但无法证明是谁写入的（任何能读取它的人都可能写过它），所以本次会话是只读的。要核验并进行修改，请在同一会话中证明主密码或恢复密钥（修改时会在终端上询问主密码；也可以与 --identity 一起使用 --passphrase-fd N，或者把恢复密钥作为第二个 --identity 提供）。如果你用的就是自己的恢复密钥，那么这个文件不是你的保险库：不要相信它。
cli-output-failed = 写出结果失败（{ $error }）；输出不完整。请检查剩余空间或标准输出的去向，然后重新运行该命令
cli-messages-failed = 无法把消息写到标准错误（{ $error }）；命令已执行，但它的消息丢失了
cli-stdout-closed = 在写出密钥之前标准输出已被关闭
cli-recovery-key-not-shown-removed = 无法显示恢复密钥：{ $why }。位于 { $vault } 的新保险库已被删除，因此不会留下一个没人见过其恢复密钥的保险库。请在终端中重新运行 `lifeboat init`，或加上 --recovery-key-out FILE
cli-recovery-key-not-shown-kept = 无法显示恢复密钥：{ $why }，且位于 { $vault } 的新保险库无法删除。请自行删除它，然后加上 --recovery-key-out FILE 重新运行 `lifeboat init`
cli-man-written = 手册页已写入 { $dir }（用 `man -l { $dir }/lifeboat.1` 阅读）
cli-man-failed = 无法把手册页写入 { $dir }：{ $error }；请选择一个你有写权限的文件夹
cli-confirm-rm = 删除{ $kind }条目“{ $name }”吗？它的内容仍会留在保险库里（这样合并较旧的副本时它不会回来），直到你用 `lifeboat purge` 抹除；备份中也仍有它。
cli-rm-cancelled = 没有删除任何内容（回答 y 才会删除，或加上 --yes）
cli-confirm-rm-purge = 删除{ $kind }条目“{ $name }”并永久抹除它的内容吗？之前做的备份仍会保留这些内容。
cli-purge-heading = 将永久抹除以下 { $count } 个已删除条目的内容：
cli-purge-line = { $name }（{ $kind }，删除于 { $deleted }）
cli-purge-line-no-kind = { $name }（删除于 { $deleted }）
cli-purge-confirm = 确定永久抹除吗？此操作无法撤销；之前做的备份仍会保留这些内容。
cli-purge-cancelled = 没有抹除任何内容（回答 y 才会抹除，或加上 --yes）
cli-purge-dry-run = 没有做任何更改（--dry-run）。
cli-purge-done = 已永久抹除 { $count } 个已删除条目的内容。之前做的备份仍保留着它们：见 docs/threat-model.md。
cli-purge-nothing = 没有可抹除的内容：没有哪个已删除条目还保留着内容
cli-purge-nothing-older = 没有可抹除的内容：在 { $older } 天前或更早删除的条目中，没有哪个还保留着内容
cli-purge-unknown = 没有名为“{ $name }”的已删除条目；`lifeboat purge --all --dry-run` 会列出仍保留着内容的已删除条目
cli-purge-already = 没有可抹除的内容：“{ $name }”的内容已经抹除过了
cli-purge-not-deleted = “{ $name }”没有被删除；要删除它并抹除其内容，请运行 `lifeboat rm --purge { $name }`
cli-purge-too-recent = 没有可抹除的内容：“{ $name }”是不到 { $older } 天前删除的
cli-no-tty-confirm = 这里没有终端可以确认；加上 --yes 即可不经询问直接执行
cli-prompt-recovery-code = 要使用的恢复码（输入时不显示）：{" "}
cli-code-in-argv = 警告：作为参数给出的恢复码，其他用户可以在进程列表中看到，并且会留在你的 shell 历史中；下次请不要写在参数里，在提示时输入，或通过标准输入传入。

cli-import-prompt = { $what }的密码：{" "}
cli-import-no-tty = 这个{ $what }已加密，而这里没有终端可以询问它的密码；请用 --import-passphrase-fd N 通过文件描述符传入（例如 `--import-passphrase-fd 3 3<file`）
cli-import-summary = 已导入 { $added } 个条目；跳过 { $skipped } 个重复项；拒绝 { $rejected } 个。
cli-import-skipped = {"  "}已跳过{ $entry }：与{ $matched }相同
cli-import-kept-both = {"  "}两者都保留：{ $entry }与{ $matched }的 id 相同但内容不同；已导入为“{ $name }”
cli-import-rejected = {"  "}已拒绝 { $place }：{ $reason }
cli-import-nothing = 没有导入任何内容

cli-no-backup-dir = 没有指定文件夹；请运行 `lifeboat backup DIR`，或用 `lifeboat config set backup_dir /path/to/folder` 设置一个
cli-config-bad = { $error }。请修正该文件（`lifeboat config show` 会说明问题，`lifeboat config unset KEY` 可删除某个键），或让 LIFEBOAT_CONFIG 指向另一个文件。恢复类命令（recover、restore、verify、backup、export、show、list）没有它也能运行
cli-config-ignored = 警告：本命令忽略了配置文件：{ $error }
cli-config-set = 已在 { $path } 中设置 { $key } = "{ $value }"
cli-config-not-set = 配置文件中没有设置 { $key }；没有任何变化
cli-config-file-line = 配置文件：{ $path }
cli-config-file-line-new = 配置文件：{ $path }（尚未创建；`lifeboat config set KEY VALUE` 会创建它）
cli-qr-needs-terminal = --qr 用终端字符块和颜色绘制二维码，而标准输出不是终端（或给出了 --json）；请改用 --qr-svg FILE 或 --qr-png FILE 写成图片
cli-qr-totp-only = --qr、--qr-svg 和 --qr-png 只适用于 TOTP 条目
cli-lang-unknown = 未知的语言“{ $value }”；可用的语言有：{ $allowed }
# 句子中的条目类型名称（类型 id 本身不变）。
cli-kind-name = { $kind ->
    [seed] 助记词
    [key] 私钥
    [totp] 动态验证码
    [codes] 恢复码
    [password] 登录
    [note] 笔记
   *[other] { $kind }
}

# merge, restore --merge, merge-driver
cli-merge-unverified = 另一个副本只能用 { $recipient }（一个额外接收者的密钥）打开，它无法证明是谁写的，所以绝不合并。请用 --other-identity FILE 给出该副本的恢复密钥，或去掉 --other-identity 以使用本保险库自己的密钥；没有做任何更改
cli-merge-other-locked = 另一个副本无法用本保险库的恢复密钥或口令打开（{ $error }）。如果它的密钥已更换（`lifeboat rotate`），请用 --other-identity FILE 给出它的恢复密钥；没有做任何更改
cli-merge-other-bad = 无法合并另一个副本：{ $error }；没有做任何更改
cli-merge-heading = 正在把 { $other } 合并到 { $vault }：
cli-merge-line = {"  "}{ $label }（{ $count }）：{ $names }
cli-merge-added = 新增
cli-merge-changed = 已更改
cli-merge-deleted = 已删除
cli-merge-restored = 一方删除而另一方编辑过，已保留（请检查）
cli-merge-restored-erased = 其中这些回来时不含你已抹除的内容（只有被修改的部分回来了，其余为空）
cli-merge-duplicates = 现在有两个同名条目（请重命名或删除其中一个）
cli-merge-settings = 采用了另一个副本的设置
cli-merge-conflict-theirs = {"  "}冲突：{ $item }，{ $field }：两个副本都改过；另一个副本较新的值为当前值，本保险库的值保存在条目历史中
cli-merge-conflict-ours = {"  "}冲突：{ $item }，{ $field }：两个副本都改过；本保险库较新的值保留，另一个副本的值保存在条目历史中
cli-merge-playbooks = {"  "}已合并应急手册进度和活动记录
cli-merge-nothing = {"  "}没有新内容：本保险库已包含另一个副本中的全部内容
cli-merge-dry-run = 试运行：没有做任何更改。去掉 --dry-run 再运行一次即可应用。
cli-merge-saved = 已合并并保存 { $vault }（之前的版本保留为 .prev）。
cli-merge-copy-moved = 已合并的副本 { $from } 已移动到 { $to }（保留，未删除）。
cli-merge-copy-not-moved = 警告：已合并的副本 { $from } 无法移开（{ $error }）；它已合并，你可以自行移动或删除它
cli-driver-done = lifeboat merge-driver：已合并（新增 { $added }，更改 { $changed }，{ $conflicts } 处冲突保存在条目历史中）
cli-driver-failed = lifeboat merge-driver：未合并，文件保持原样，由 git 报告为冲突：{ $error }
cli-fd-unreadable = 无法读取文件描述符 { $fd }（{ $error }）；请在 shell 中打开它，例如 `--passphrase-fd 3 3<passfile`
cli-fd-read-failed = 读取文件描述符 { $fd } 失败：{ $error }
cli-fd-empty = 文件描述符 { $fd } 没有给出主密码（空行或什么都没有）
cli-tty-read-failed = 无法从终端读取：{ $error }
cli-tty-ask-failed = 无法在终端上询问：{ $error }
cli-stdin-failed = 读取标准输入失败：{ $error }

# `show` 的字段标签（按显示宽度补齐到数值列）。
cli-label-name = 名称：
cli-label-kind = 类型：
cli-label-account = 账户：
cli-label-tags = 标签：
cli-label-support = 客服：
cli-label-notes = 备注：
cli-label-created = 创建于：
cli-label-updated = 更新于：
cli-label-scheme = 方案：
cli-label-text = 内容：
cli-label-passphrase = 助记词密码：
cli-label-words = 助记词：
cli-label-format = 格式：
cli-label-key = 私钥：
cli-label-issuer = 发行方：
cli-label-login = 登录名：
cli-label-code = 验证码：
cli-label-secret = 密钥：
cli-label-codes = 恢复码：
cli-label-username = 用户名：
cli-label-url = 网址：
cli-label-password = 密码：
cli-label-params = 参数：
cli-show-words = { $scheme }（{ $n } 个词）
cli-show-code-left = { $code }（还剩 { $left } 秒）
cli-show-codes-unused = 共 { $total } 个，{ $unused } 个未用
cli-show-params = { $algorithm } / { $digits } 位 / { $period } 秒
cli-reveal-codes-hint = （加上 --reveal 显示恢复码）

# `list`
cli-list-empty = 还没有条目。用 `lifeboat add KIND NAME` 添加一个。
cli-list-head-name = 名称
cli-list-head-kind = 类型
cli-list-head-account = 账户
cli-list-head-tags = 标签
cli-list-shared-id = （id { $id }）
cli-list-shared-note = 后面带 id 的行与另一个条目同名（合并时两者都保留了）：请用 id 指定你要的那个，例如 `lifeboat show { $id }`，或在 TUI 中给其中一个改名。

# 命令行的错误信息（src/cli）。
cli-kdf-memory-too-large = --kdf-memory 的值太大
cli-kdf-choose-smaller = { $error }；请选择更小的 KDF 参数
cli-key-out-exists = { $path } 已经存在；请为恢复密钥另选一个新文件
cli-cannot-create = 无法创建 { $path }：{ $error }
cli-write-failed = 写入 { $path } 失败：{ $error }
cli-scheme-seed-only = --scheme 只适用于助记词（seed）条目
cli-name-taken = 已经有名为“{ $name }”的条目；请换一个名称，或先用 `lifeboat rm` 删除旧的
cli-not-totp-item = “{ $name }”是 { $kind } 条目，不是动态验证码密钥（TOTP）
cli-not-codes-item = “{ $name }”不是恢复码条目
cli-code-unknown = 这个恢复码不在“{ $name }”的恢复码之中；请检查是否输错（`lifeboat show "{ $name }" --reveal` 会列出它们）
cli-code-used = 这个恢复码已于 { $at } 标记为已用；恢复码只能用一次，请换一个
cli-recipient-plugin = “{ $recipient }”不是可用的接收者：暂不支持插件接收者（age1yubikey... 等）
cli-recipient-bad = “{ $recipient }”不是可用的接收者：需要以 age1 开头的 age X25519 接收者（由 `age-keygen -y` 生成）
cli-recipient-present = 这个接收者已经在保险库上了
cli-recipient-is-recovery = 这是恢复密钥的接收者，不能删除（忘记主密码时要靠它找回）
cli-recipient-absent = “{ $recipient }”不是这个保险库的接收者；`lifeboat recipient list` 会列出它们
cli-export-format = export 支持的 --format 为 lifeboat、otpauth、aegis 或 gauth，不支持 { $format }
cli-qr-batch = 第 { $n } 批（共 { $total } 批）：{ $error }
cli-tui-needs-terminal = 全屏界面需要标准输入和标准输出都连着终端；在脚本中请使用命令（`lifeboat --help`）
cli-no-tui-feature = 这个 lifeboat 在构建时没有包含全屏界面（`tui` 功能）；请使用命令（`lifeboat --help`）
rec-identity-or-shares = 请只给出 --identity（恢复密钥）或 --shares 中的一个，不要同时给出
rec-kit-out-exists = { $path } 已经存在；请为应急包另选一个新文件名

# `config show` 中设置的来源（--json 中的值保持英文 id）。
cli-config-from-flag = 命令行参数
cli-config-from-environment = 环境变量
cli-config-from-file = 配置文件
cli-config-from-default = 默认值

cli-code-used-at = 已于 { $at } 使用
cli-code-marked-used = 已把“{ $name }”的一个恢复码标为已用；还剩 { $unused } 个未用。
cli-passphrase-changed = 主密码已修改。旧主密码不再能打开保险库（之前做的备份仍用旧主密码打开）。
cli-recipient-added = 保险库现在也加密给了 { $recipient }。
cli-recipient-removed = 已删除 { $recipient }。注意：之前的副本和备份仍然能用它打开。
cli-exported-to = 已导出到 { $path }（权限 0600）。
cli-recipient-is-recovery-key = 恢复密钥
cli-recipient-added-at = 添加于 { $at }
rec-share-line = 第 { $n } 行：{ $label }
rec-share-again = { $error }；请重新输入这个份额
rec-share-n-again = { $error }；请重新输入第 { $n } 个份额
