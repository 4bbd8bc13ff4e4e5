# 备份、恢复、拆分、找回、应急包和安全体检（src/recovery）。

rec-keep-zero = --keep 至少为 1：刚写入的备份总会保留
rec-too-many-same-second = 这个文件夹中同一时间戳的备份太多；请等一秒后重试
rec-backup-old-passphrase = 这份备份用给出的主密码打不开，但能用保险库的恢复密钥打开：很可能是在做这份备份之后更改过主密码。备份保留的是制作它时的主密码；请把那个主密码记下来，或重新做一份备份
rec-verify-identical = 备份可以打开，其中的条目与保险库完全一致。
rec-drill-recorded = 已在保险库中记录这次恢复演练。
rec-verify-no-vault = 备份可以打开。--vault 路径处没有可读取的保险库可供比较，所以没有记录恢复演练。
rec-restore-current-locked = 当前保险库用打开备份的那个密钥打不开（是否在备份之后更改过主密码？），所以 lifeboat 无法确认这份备份属于它；没有做任何更改。如仍要恢复，请加上 --force（当前文件会保留为上一代文件）
rec-proof-failed = 新生成的份额没能全部还原出恢复密钥，所以一个都没有发出。这本不应发生；请报告这个问题，并继续使用恢复密钥本身
rec-split-needs-plan = 请说明如何拆分：--threshold K --shares N，或 --group-threshold G 加 --group KofN（可重复）
rec-rebuilt-key-wrong = 由份额重建的密钥打不开这个保险库：这些份额属于另一个保险库的恢复密钥（或 --vault 指向了错误的保险库）
rec-no-shares = 输入中没有找到份额（每行一个助记词；以 # 开头的行会被跳过）
rec-recover-needs-source = 这里没有终端可以输入份额；请加上 --identity FILE（恢复密钥）或 --shares FILE（每行一个份额，- 表示标准输入）
rec-recovered = 主密码已重置：保险库现在用新的主密码打开，旧的主密码不再有效。恢复密钥没有改变；之前做的备份仍使用旧的主密码。
rec-interactive-intro = 请逐词输入份额，或把整个份额粘贴在一行中。份额是英文单词（SLIP-39 标准规定），每个词输入前 4 个字母即可；输入 `undo` 删除上一个词。
rec-kit-written-warning = 警告：应急包以明文包含你的【恢复密钥】（如果给出了份额，也包含份额）。请打印出来并核对打印件，然后删除这个文件；切勿通过邮件发送，也不要存放在云端。
rec-kit-shares-verified = 这些份额已被重新组合，还原出的正是这个保险库的恢复密钥。
rec-kit-shares-unverified = 提示：这些份额少于恢复所需的数量，所以无法与恢复密钥核对。
rec-kit-shares-foreign = 这些份额组合出的密钥与这个保险库的恢复密钥不同；它们不是这个保险库的份额。没有写入任何内容
rec-kit-title = lifeboat 应急包
rec-kit-secret-warning = 机密。任何拿到这一页的人都能打开保险库。请离线存放在安全的地方（保险柜，或交给你信任的人保管的密封信封）。
rec-kit-vault-location = 保险库文件：
rec-kit-vault-id = 保险库 id：
rec-kit-public-key = 公钥：
rec-kit-generated = 打印时间：
rec-kit-recovery-key = 恢复密钥
rec-kit-key-howto = 输入时写成一行、不留空格：AGE-SECRET-KEY-1 后接上面各组字符。二维码中是同一行内容。下方用小字重复了完整的一行。
rec-kit-age-title = 不用 lifeboat 打开保险库
rec-kit-age-intro = 保险库是标准的 age 文件。如果 lifeboat 已经不在了，age 工具（https://age-encryption.org，多数系统中的软件包名为 `age`）可以用恢复密钥打开它，里面的内容是普通的 JSON。
rec-kit-age-step-keyfile = 新建一个文本文件 recovery-key.txt，在一行中写入恢复密钥：
rec-kit-age-step-decrypt = 列出条目（使用你的副本或备份的路径）。age 直接解密给 jq，不会把未加密的内容写到磁盘：
rec-kit-age-step-read = 显示某个条目的秘密内容（替换 NAME；没有 jq 时，可通过管道交给 `less` 阅读完整的 JSON）：
rec-kit-age-step-wipe = 切勿把输出重定向到文件（`> vault.json`）：那样会把每个秘密都以未加密的形式留在磁盘上，谁找到都能看到（如有这样的文件请立即删除）。用完后删除 recovery-key.txt。
rec-kit-age-get = 任何 age 实现都可以：age、rage，或 Go、Rust、Python（pyrage）中的 age 库。
rec-kit-lifeboat-title = 忘记主密码？用 lifeboat 找回
rec-kit-lifeboat-key = 恢复密钥在 recovery-key.txt 中时，这样设置新的主密码：
rec-kit-lifeboat-shares = 或者用保管人手中的份额（数量足够，每行一个写在 shares.txt 中，或在提示时输入）：
rec-kit-python-shares = 不用 lifeboat 使用份额：它们是对密钥 32 字节做的标准 SLIP-39 份额（SLIP-39 密码为空）。用 Python 运行下面的代码，可重建上一页 age 步骤所需的 recovery-key.txt：
rec-kit-share-warning = 这一页只交给一位保管人。请私密保管；不要拍照。份额是英文单词（SLIP-39 标准规定）：请按顺序、逐个字母抄写，不要翻译。
rec-kit-share-holder = 交给（姓名、日期）：
rec-kit-seed-title = 助记词：{ $name }（{ $words } 个词，BIP39）
rec-kit-seed-warning = 仅凭这一页就能恢复钱包：任何看到它的人都能转走资金。请像保管钱包一样保管它；不要拍照。
rec-kit-seedqr-caption = SeedQR（SeedSigner 的标准格式）：SeedSigner 或其他能读取 SeedQR 的钱包可以从中恢复单词；普通二维码应用显示的是一串数字，每个词四位（该词在 BIP39 英文词表中的序号，从 0 开始）。
rec-kit-trustees-title = 保管人联系表
rec-kit-trustees-intro = 谁持有哪个份额，以及需要重建密钥时如何联系他们。请把这张表与恢复密钥放在一起，不要与份额放在一起。
rec-kit-col-share = 份额
rec-kit-col-name = 保管人
rec-kit-col-contact = 电话 / 邮箱 / 地址
rec-kit-col-given = 交付日期
rec-kit-copies-title = 副本存放位置
rec-kit-copies-intro = 记下这个应急包、保险库文件或备份的每一个副本存放在哪里，并在每次恢复演练时逐一检查。
rec-kit-col-copy = 副本（应急包、保险库、备份）
rec-kit-col-where = 位置
rec-kit-col-checked = 上次检查
rec-never-backed-up = 这个保险库从未用 `lifeboat backup` 备份过
rec-fix-backup = 运行 `lifeboat backup DIR`，DIR 放在另一块磁盘上（U 盘、NAS），然后用 `lifeboat verify` 检查该文件
rec-never-drilled = 还没有做过恢复演练：没有任何证据表明备份能打开
rec-fix-drill = 对你最新的备份运行 `lifeboat verify BACKUP_FILE`（或 `backup-drill` 应急手册）
rec-two-fa-covered = 每个开启两步验证（2FA）的账户都保存了恢复码
rec-codes-ok = 没有哪组恢复码快用完了
rec-key-not-safeguarded = 恢复密钥从未打印到应急包中，也没有拆分给保管人；如果忘记主密码，只有 `init` 时生成的密钥文件（如果还留着）能打开保险库
rec-fix-key = 用 `lifeboat kit --out kit.html` 打印，或用 `lifeboat split --threshold 2 --shares 3` 拆分
rec-key-safeguarded = 恢复密钥已打印或已拆分
rec-folder-private = 保险库所在的文件夹是私有的（只有你能在其中添加或替换文件）
rec-mode-unknown = 无法读取保险库文件的权限
rec-fix-prev = 无需操作；每次保存时都会替换它。如果保险库损坏，`lifeboat restore VAULT.prev` 可以把它找回来
rec-prev-absent = 还没有上一代文件（第一次修改后才会出现）
rec-lock-held = 另一个 lifeboat 进程正持有保险库的锁
rec-fix-lock = 等它结束；如果没有 lifeboat 在运行，系统会释放这个锁，问题自然消失
rec-fix-stale = 无害；下次修改保险库时会删除它们
rec-lock-free = 没有其他进程占用保险库，也没有中断的保存留下文件
rec-rotate-key-banner =
    这是你的【新恢复密钥】。从现在起，旧的恢复密钥不再能打开保险库。
    请现在就把它抄写或打印下来；它只显示这一次。请重新拆分，
    并重新打印应急包：旧的份额和应急包中是旧密钥。
rec-rotate-needs-passphrase = rotate 也会设置新的主密码（否则知道旧主密码密钥的人仍能伪造旧主密码能打开的保险库）：请用 --new-passphrase-fd N 给出，或在终端中运行；--keep-passphrase 会保留当前主密码
rec-rotate-keep-needs-passphrase = --keep-passphrase 要求用主密码打开保险库；用恢复密钥打开时，请给出新的主密码（--new-passphrase-fd N 或在终端输入）
rec-rotate-same-passphrase = 新的主密码与当前的相同；没有做任何更改。请换一个新的主密码，或加上 --keep-passphrase 保留它（请看它给出的警告）
rec-rotate-keeps-passphrase = 警告：保留了主密码。新的恢复密钥和认证密钥把旧恢复密钥的持有人挡在了外面，但任何知道旧主密码密钥的人（版本 1 保险库的旧解密副本，或主密码本身）仍能制作一个这个主密码能打开的保险库。请更改主密码，把他们也挡在外面。
rec-memory-dumpable = 本进程的内存没有被排除在核心转储之外（/proc/self/coredump_filter 不为 0）；程序崩溃时可能把已解锁的秘密写到磁盘
rec-fix-memory-dumpable = 请确认 /proc 已挂载，且你自己的进程可以写入；启动时也已关闭核心转储（RLIMIT_CORE 0）
rec-fix-memory-lock = 为你的用户允许无限制的锁定内存（shell 中 `ulimit -l unlimited`，/etc/security/limits.conf 中 `memlock unlimited`，或 systemd 会话的 LimitMEMLOCK=infinity），或使用加密的交换分区
rec-backup-written =
    备份已写入并验证（可用保险库的恢复密钥解密）：{ $path }
    文件夹中保留了 { $kept } 份备份，删除了 { $removed } 份较旧的备份。
rec-backup-not-recorded = 备份已完成，但在保险库中记录它的日期失败：{ $error }。`lifeboat doctor` 将看不到这份备份；请稍后再运行一次 `lifeboat backup`。
rec-foreign-vault = 这份备份属于另一个保险库（保险库 id { $backup_id }，本保险库为 { $vault_id }）；它不是本保险库的备份。请确认 --vault 指向了正确的保险库
rec-backup-damaged = 备份已损坏，无法使用：{ $reason }。请用 `lifeboat backup DIR` 重新做一份；如果现在就需要，请使用更早的备份
rec-backup-wrong-key = 备份用给出的主密码或身份文件打不开：{ $reason }
rec-verify-differs = 备份可以打开，但其中的条目与保险库不同：
rec-verify-added = {"  "}备份之后新增：{ $list }
rec-verify-removed = {"  "}备份之后删除：{ $list }
rec-verify-changed = {"  "}备份之后修改：{ $list }
rec-verify-differs-fix = 请用 `lifeboat backup DIR` 重新做一份备份，把这些变化包含进去。
rec-verify-current-damaged = 提示：无法读取当前保险库（{ $error }）。单独检查备份；如果它能打开，`lifeboat restore FILE` 可以把保险库找回来。
rec-restore-foreign = 这份备份属于另一个保险库（保险库 id { $backup_id }），与 --vault 处的保险库（保险库 id { $vault_id }）不同；没有做任何更改。如仍要替换，请加上 --force（原文件会保留为上一代文件）
rec-restored-kept =
    已从备份（{ $items } 个条目）恢复 { $path } 处的保险库。原来的保险库保留为 { $prev }。
    备份的密钥也随之恢复：主密码是制作备份时所用的那个，恢复密钥是备份中的（除非保险库换过密钥，否则与现在相同）。
rec-restored-nothing-kept =
    已从备份（{ $items } 个条目）恢复 { $path } 处的保险库。之前没有可读取的保险库；没有保留其他文件。
    备份的密钥也随之恢复：主密码是制作备份时所用的那个，恢复密钥是备份中的（除非保险库换过密钥，否则与现在相同）。
rec-bad-group-spec = 无法读取组“{ $spec }”；请写成 KofN 的形式，例如 --group 2of3
rec-group-threshold-out-of-range = 组“{ $spec }”需要其 N 个份额中的 1 到 N 个；请写成 KofN 且 1 <= K <= N，例如 --group 2of3
rec-share-label = 份额 { $member }/{ $member_count }，恢复需要 { $member_threshold } 个，集合 { $identifier }
rec-share-label-group = 第 { $group }/{ $group_count } 组中的份额 { $member }/{ $member_count }（本组需要 { $member_threshold } 个，共需 { $group_threshold } 组），集合 { $identifier }
rec-split-done-all =
    已生成 { $count } 个份额；在显示任何份额之前，全部 { $checked } 种最小组合都已还原出恢复密钥。
    请把每个份额交给不同的保管人。单个份额不会泄露任何信息；找回时使用 `lifeboat recover --shares FILE`。份额是英文单词（SLIP-39 标准规定）：请按顺序、逐个字母抄写，不要翻译。
rec-split-done-sample =
    已生成 { $count } 个份额；在显示任何份额之前，{ $checked } 种组合（随机抽样，外加经过每个份额的组合）都已还原出恢复密钥。
    请把每个份额交给不同的保管人。单个份额不会泄露任何信息；找回时使用 `lifeboat recover --shares FILE`。份额是英文单词（SLIP-39 标准规定）：请按顺序、逐个字母抄写，不要翻译。
rec-split-written = 已把 { $count } 个份额文件写入 { $dir }（权限 0600）。请把每个文件交给对应的保管人，然后从这台电脑上删除这些文件。
rec-cannot-create = 无法创建 { $path }：{ $why }
rec-write-failed = 写入 { $path } 失败：{ $why }
rec-share-file-exists = { $path } 已存在；请为份额选择一个空文件夹
rec-share-file-header =
    # lifeboat 恢复密钥份额：{ $label }
    # 请保密。同一集合的所有份额有相同的集合标识和开头几个词。份额是英文单词（SLIP-39 标准规定），请原样保存，不要翻译。
    # 找回方法：用足够数量的份额运行 `lifeboat recover --shares FILE`，每行一个（以 # 开头的行会被跳过）。
    {""}
rec-not-enough-shares-group = 份额不够：第 { $group } 组需要 { $needed } 个，只给出了 { $given } 个。请再补充该组的一个份额
rec-not-enough-shares = 份额不够：需要 { $needed } 个，只给出了 { $given } 个。请再补充同一集合的一个份额
rec-shares-problem = 这些份额无法使用：{ $error }
rec-prompt-word = 份额 { $share }，第 { $word } 个词：{" "}
rec-word-ambiguous = {"  "}有几个词都是这样开头：{ $list }；请多输入几个字母
rec-word-unknown = {"  "}“{ $typed }”不是 SLIP-39 单词；请核对纸上的内容
rec-word-unknown-suggest = {"  "}“{ $typed }”不是 SLIP-39 单词；你是不是想输入 { $list }？
rec-typed-share-label = 份额 { $member }，恢复需要 { $member_threshold } 个，集合 { $identifier }
rec-typed-share-label-group = 第 { $group } 组的份额 { $member }（本组需要 { $member_threshold } 个，{ $group_count } 组中需要 { $group_threshold } 组），集合 { $identifier }
rec-share-accepted = {"  "}已接受第 { $n } 个份额（{ $label }）
rec-kit-written = 应急包已写入 { $path }（权限 0600）。请在浏览器中打开并打印（A4 或 Letter 纸）。
rec-kit-share-title = 保管人份额 { $member }（集合 { $identifier }）
rec-kit-share-title-group = 第 { $group } 组的保管人份额 { $member }（集合 { $identifier }）
rec-kit-share-meta = 重建恢复密钥需要这个集合中的 { $threshold } 个份额。单个份额不会泄露任何信息。
rec-kit-share-meta-group = 第 { $group } 组需要 { $threshold } 个份额，重建恢复密钥需要 { $group_count } 组中的 { $group_threshold } 组。单个份额不会泄露任何信息。
rec-backup-age = 上次经过验证的备份是 { $days } 天前
rec-drill-age = 上次恢复演练是 { $days } 天前
rec-two-fa-without-codes = { $account }：保存了两步验证（TOTP）密钥，但没有恢复码；手机丢失可能导致你被锁在账户之外
rec-fix-two-fa = 在 { $account } 的安全设置中生成恢复码并保存：`lifeboat add codes "{ $account } codes" --account "{ $account }"`
rec-codes-low = { $name }：只剩 { $left } 个未用的恢复码
rec-fix-codes-low = 在该网站上生成一组新的恢复码，然后替换该条目：`lifeboat rm "{ $name }"` 和 `lifeboat add codes "{ $name }"`
rec-kdf-below-floor = 主密码的 KDF 太弱：Argon2id { $mib } MiB、{ $t } 轮、并行度 { $p }，低于 OWASP 对 Argon2id 的最低要求（19 MiB 2 轮，或同等工作量）；被盗的保险库文件可能很快被猜出
rec-kdf-below-rfc9106 = 主密码的 KDF（Argon2id { $mib } MiB、{ $t } 轮、并行度 { $p }：{ $product } MiB·轮）达到了 OWASP 的最低要求，但按内存和内存 x 轮数比较，没有达到 RFC 9106 的建议（至少 64 MiB 且 64 MiB x 3 轮 = 192 MiB·轮，或 2 GiB）
rec-kdf-below-default = 主密码的 KDF（Argon2id { $mib } MiB、{ $t } 轮、并行度 { $p }）符合 RFC 9106，但使用的内存少于 lifeboat 的默认值
rec-fix-kdf = 用 `lifeboat passwd --kdf-memory { $mib } --kdf-time { $t } --kdf-parallelism { $p }` 提高（可以再次输入同一个主密码）
rec-kdf-ok = 主密码 KDF：Argon2id { $mib } MiB、{ $t } 轮、并行度 { $p }
rec-folder-unsafe = 保险库所在的文件夹不是私有的：{ $why }；任何能在那里写入的人都可以把保险库换成他们自己的
rec-mode-open = 保险库文件 { $path } 的权限是 { $mode }：这台电脑上的其他用户可以读取它
rec-mode-ok = 保险库文件权限 { $mode }
rec-prev-present = 保留了上一代文件 { $path }.prev（上次保存之前的保险库，使用当时的主密码）
rec-stale-temps = 保险库旁边有 { $n } 个中断的保存留下的临时文件
rec-doctor-all-passed = 所有检查都已通过。
rec-doctor-warnings = { $warnings } 个警告；没有严重问题。
rec-doctor-critical = { $critical } 个严重问题和 { $warnings } 个警告：请先修复严重问题。
rec-rotated = 已为 { $path } 更换密钥：新的恢复密钥、新的主密码密钥和新的认证密钥。之前制作的副本和备份仍能用【旧】恢复密钥和【旧】主密码打开，持有旧密钥的人也能读取它们（但从现在起读不了这个保险库）：请删除你能控制的旧副本，重新做一份备份（`lifeboat backup DIR`），重新拆分新密钥并重新打印应急包。
rec-memory-locked = 内存：页面已锁定在内存中（不会交换到磁盘），且不进入核心转储
rec-memory-locked-wiped = 内存：页面已锁定在内存中（不会交换到磁盘），且不进入核心转储；释放的内存会被清除
rec-memlock-limit = RLIMIT_MEMLOCK 为 { $kib } KiB（{ $mib } MiB）
rec-mlockall-failed = mlockall 失败
rec-swap-active = 已解锁的秘密可能被写入正在使用的交换分区
rec-swap-none = 如果开启交换分区，秘密可能进入其中（目前没有启用）
rec-memory-not-locked = 内存：页面无法锁定在内存中（{ $why }），因此{ $swap }；它们不进入核心转储
rec-memory-not-locked-wiped = 内存：页面无法锁定在内存中（{ $why }），因此{ $swap }；它们不进入核心转储，释放的内存会被清除
rec-conflict-copy = { $tool } 留下了一份保险库的冲突副本：{ $path }；在其中做的修改还不在保险库里
rec-fix-conflict-copy = lifeboat merge '{ $path }'（可先加 --dry-run 查看它会带来什么；合并后该副本会被移到备份文件夹）

# `doctor` 的严重程度标记和修复建议的标签。
rec-doctor-tag-ok = 正常
rec-doctor-tag-info = 提示
rec-doctor-tag-warning = 警告
rec-doctor-tag-critical = 严重
rec-doctor-fix = 修复：
rec-doctor-deleted-kept = 有 { $count } 个已删除的条目仍在保险库里保留着内容（包括机密），这样合并较旧的副本时它们不会回来
rec-doctor-deleted-kept-fix = 要永久抹除它们，先用 `lifeboat purge --all --dry-run` 查看，再去掉 --dry-run 运行（之前做的备份仍会保留它们）
