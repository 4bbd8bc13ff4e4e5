# 命令行的帮助文本。help-lifeboat-* 的 id 与 src/cli/args.rs 中的语法一一对应（见 src/cli/help.rs）。

# clap 自带的用词，非英文界面时使用。
help-template =
    {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = 选项
help-heading-arguments = 参数
help-heading-commands = 命令
help-heading-global-options = 全局选项
help-heading-seed-options = 助记词选项
help-heading-password-options = 密码选项
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-subcommand-help = 显示本帮助，或指定子命令的帮助
help-possible-values = [可选值：{ $values }]
help-default-value = [默认：{ $value }]

help-lifeboat = 为恢复资料（助记词、私钥、两步验证密钥、恢复码）准备的 age 加密保险库，附带一步步的恢复应急手册
help-lifeboat--vault = 保险库文件 [默认：$LIFEBOAT_VAULT，否则为 <数据目录>/lifeboat/vault.age]
help-lifeboat--passphrase_fd = 从这个文件描述符读取主密码（第一行），而不是在终端询问
help-lifeboat--identity = 用 age 身份文件（恢复密钥或其他密钥）解锁；可重复
help-lifeboat--json = 在标准输出上输出机器可读的 JSON
help-lifeboat--lang = 界面语言：en 或 zh-CN [默认：$LIFEBOAT_LANG，其次是配置文件，最后是系统区域设置]
help-lifeboat-init = 创建保险库
help-lifeboat-init--recovery_key_out = 把恢复密钥写入 FILE（权限 0600），而不是显示在屏幕上
help-lifeboat-init--kdf_memory = Argon2id 内存（MiB）[默认：256]
help-lifeboat-init--kdf_time = Argon2id 轮数 [默认：校准为约一秒]
help-lifeboat-init--kdf_parallelism = Argon2id 并行度 [默认：4]
help-lifeboat-init--allow_weak_passphrase = 接受不符合强度要求的主密码
help-lifeboat-init--allow_weak_kdf = 接受低于 OWASP 最低要求的 Argon2id 参数（19 MiB x 2 轮或同等强度）
help-lifeboat-init--armor = 以 ASCII 封装（可经邮件和纸张保存的文本）而非二进制写入保险库
help-lifeboat-add = 添加条目（秘密内容从标准输入或不回显的提示读取）
help-lifeboat-add--kind = seed（助记词）、key（私钥）、totp（动态验证码密钥）、codes（恢复码）、password（登录）或 note（笔记）
help-lifeboat-add--name = 唯一的名称，例如 "GitHub 两步验证"
help-lifeboat-add--account = 所属的账户或服务商
help-lifeboat-add--tags = 标签（可重复）
help-lifeboat-add--note = 不含秘密的备注
help-lifeboat-add--support = 如何联系该服务商的客服
help-lifeboat-add--image = 从 PNG 或 JPEG 图片中的二维码读取秘密（助记词：SeedQR，标准或紧凑格式；totp：otpauth URI）
help-lifeboat-add--scheme = 助记词方案 [默认：bip39]
help-lifeboat-add--language = BIP39 词表语言（默认：自动识别）
help-lifeboat-add--no_verify = 即使校验失败也保存助记词
help-lifeboat-add--with_passphrase = 同时询问一个助记词密码（第 25 个词）并与助记词一起保存
help-lifeboat-add--bip39_passphrase_fd = 从文件描述符 N 读取该助记词的助记词密码（第一行）
help-lifeboat-add--expand_short = 把以 4 个字母缩写给出的 BIP39 单词直接按完整单词保存，不再询问（在终端上 lifeboat 会先显示并询问）
help-lifeboat-add--username = 用户名（登录条目）
help-lifeboat-add--url = 网址（登录条目）
help-lifeboat-list = 列出条目
help-lifeboat-list--kind = 只列这种类型
help-lifeboat-list--account = 只列这个账户
help-lifeboat-list--tag = 只列带这个标签的条目
help-lifeboat-show = 显示条目（除非加 --reveal，否则秘密内容被遮盖）
help-lifeboat-show--name = 条目名称
help-lifeboat-show--reveal = 显示秘密内容
help-lifeboat-show--qr = TOTP：在终端上把 otpauth URI 画成二维码，供手机扫描
help-lifeboat-show--qr_svg = TOTP：把 otpauth URI 的二维码写入 FILE，格式为 SVG（权限 0600）
help-lifeboat-show--qr_png = TOTP：把 otpauth URI 的二维码写入 FILE，格式为 PNG（权限 0600）
help-lifeboat-show--seedqr = BIP39 助记词：把它的 SeedQR 写入 FILE（.png 或 .svg；权限 0600）
help-lifeboat-show--compact = 与 --seedqr 一起用：CompactSeedQR 格式（更小，人眼不可读）
help-lifeboat-code = 显示当前的动态验证码
help-lifeboat-code--name = TOTP 条目的名称
help-lifeboat-code--at = 计算验证码所用的时间（Unix 秒）
help-lifeboat-code--peek = HOTP：显示下一个验证码，但不推进保存的计数器
help-lifeboat-codes = 恢复码
help-lifeboat-codes-use = 把一个恢复码标记为已使用（恢复码从标准输入或不回显的提示读取）
help-lifeboat-codes-use--name = 恢复码条目的名称
help-lifeboat-codes-use--code = 正在使用的恢复码：最好不要写在这里，以免留在 shell 历史中
help-lifeboat-rm = 删除条目
help-lifeboat-rm--name = 条目名称
help-lifeboat-rm--yes = 在终端上也不再询问确认
help-lifeboat-rm--purge = 同时永久抹除它的内容，和 `lifeboat purge` 一样
help-lifeboat-purge = 永久抹除已删除条目的墓碑中保留的内容（包括机密）
help-lifeboat-purge--name = 已删除条目的名称（或 id）
help-lifeboat-purge--all = 所有仍保留着内容的已删除条目
help-lifeboat-purge--older_than = 只处理至少 DAYS 天前删除的条目
help-lifeboat-purge--yes = 在终端上也不再询问确认
help-lifeboat-purge--dry_run = 只列出将被抹除的内容，不做任何更改
help-lifeboat-passwd = 更改主密码
help-lifeboat-passwd--new_passphrase_fd = 从这个文件描述符读取新的主密码
help-lifeboat-passwd--allow_weak_passphrase = 接受不符合强度要求的主密码
help-lifeboat-passwd--kdf_memory = 新的 Argon2id 内存（MiB）
help-lifeboat-passwd--kdf_time = 新的 Argon2id 轮数
help-lifeboat-passwd--kdf_parallelism = 新的 Argon2id 并行度
help-lifeboat-passwd--allow_weak_kdf = 接受低于 OWASP 最低要求的 Argon2id 参数（19 MiB x 2 轮或同等强度）
help-lifeboat-recipient = 保险库同时加密给的额外 age 接收者
help-lifeboat-recipient-add = 让保险库同时加密给一个 age 接收者（age1...）
help-lifeboat-recipient-add--recipient = 接收者
help-lifeboat-recipient-list = 列出恢复密钥的接收者和额外的接收者
help-lifeboat-recipient-rm = 不再加密给某个接收者
help-lifeboat-recipient-rm--recipient = 接收者
help-lifeboat-export = 以明文导出条目（会发出警告）
help-lifeboat-export--out = 写入 FILE（权限 0600），而不是标准输出
help-lifeboat-export--format = lifeboat（原生 JSON）、otpauth（URI 列表）、aegis（Aegis 明文 JSON）或 gauth（Google Authenticator 迁移 URI）
help-lifeboat-export--qr = gauth：每批写一张二维码图片到 DIR（权限 0600），而不是把 URI 输出到标准输出（`--out` 仍会把 URI 写入文件）
help-lifeboat-export--qr_format = --qr 的图片格式
help-lifeboat-import = 导入条目
help-lifeboat-import--file = 要导入的文件（`-` 表示标准输入）：导出文件，或含二维码的 PNG/JPEG 图片
help-lifeboat-import--format = 它的格式；`auto` 表示根据内容判断
help-lifeboat-import--import_passphrase_fd = 从文件描述符 N 读取加密导出文件的密码（第一行）
help-lifeboat-backup = 把保险库的一份已验证副本写入 DIR，并输出它的路径
help-lifeboat-backup--dir = 写入备份的文件夹（不存在时会创建）[默认：配置文件中的 backup_dir]
help-lifeboat-backup--keep = 在文件夹中保留这么多份备份 [默认：保险库的设置，10]
help-lifeboat-verify = 检查备份能否打开并与保险库一致；记录这次恢复演练
help-lifeboat-verify--file = 备份文件
help-lifeboat-restore = 用备份替换保险库（当前的保险库保留为 .prev），或用 --merge 与之合并
help-lifeboat-restore--file = 备份文件
help-lifeboat-restore--force = 即使当前保险库是另一个保险库，或无法用同一密钥打开，也执行恢复
help-lifeboat-restore--merge = 把备份合并进当前保险库，而不是替换它
help-lifeboat-merge = 合并本保险库的另一个副本（另一台设备、同步冲突副本），不丢失任何更改
help-lifeboat-merge--other = 保险库的另一个副本
help-lifeboat-merge--dry_run = 只显示会有哪些更改，不保存
help-lifeboat-merge--other_identity = 用这个身份文件（该副本的恢复密钥）而不是本保险库的密钥打开另一个副本
help-lifeboat-merge-driver = 保险库文件的 git 合并驱动：`lifeboat merge-driver %O %A %B`（见 docs/sync.md）
help-lifeboat-merge-driver--base = 共同祖先（git 的 %O；不需要：每个副本中的修订记录说明了改动）
help-lifeboat-merge-driver--current = 本分支的版本（git 的 %A）；合并后的保险库写在这里
help-lifeboat-merge-driver--other = 另一个分支的版本（git 的 %B）
help-lifeboat-split = 把恢复密钥拆分为 SLIP-39 份额，交给可信的保管人
help-lifeboat-split--threshold = 恢复所需的份额数（单组）
help-lifeboat-split--shares = 生成的份额数（单组）
help-lifeboat-split--group_threshold = 恢复所需的组数（与 --group 一起用）
help-lifeboat-split--group = 一组份额，写作 KofN，例如 2of3（可重复，按顺序）
help-lifeboat-split--out = 每个份额写一个文件到 DIR（权限 0600），而不是标准输出
help-lifeboat-recover = 忘记主密码：用恢复密钥或份额打开保险库，并设置新的主密码
help-lifeboat-recover--shares = 份额，每行一个助记词（`-` 表示标准输入；可重复）
help-lifeboat-recover--new_passphrase_fd = 从这个文件描述符读取新的主密码
help-lifeboat-recover--allow_weak_passphrase = 接受不符合强度要求的主密码
help-lifeboat-rotate = 设备或密钥丢失后：换新的恢复密钥和新的主密码密钥
help-lifeboat-rotate--recovery_key_out = 把新的恢复密钥写入 FILE（权限 0600），而不是显示在屏幕上
help-lifeboat-rotate--new_passphrase_fd = 从这个文件描述符读取新的主密码（否则在终端上询问）
help-lifeboat-rotate--keep_passphrase = 保留当前主密码（这样知道旧主密码密钥的人仍能伪造它能打开的保险库）
help-lifeboat-rotate--allow_weak_passphrase = 接受不符合强度要求的新主密码
help-lifeboat-kit = 生成可打印的应急包（HTML）
help-lifeboat-kit--out = 要写入的 HTML 文件（不会覆盖已有文件）
help-lifeboat-kit--shares = 为每个份额加一页：`split --out` 生成的份额文件所在的文件夹，或每行一个份额的文件
help-lifeboat-kit--seedqr = 为这个 BIP39 助记词条目加一页，印出单词和 SeedQR（可重复；仅凭这一页就能恢复钱包）
help-lifeboat-doctor = 安全体检：备份、恢复演练、两步验证覆盖情况、KDF 强度
help-lifeboat-playbook = 恢复应急手册：列出、查看、勾选步骤、生成报告
help-lifeboat-playbook-list = 列出应急手册及其处理进度
help-lifeboat-playbook-show = 以清单形式显示一本应急手册及其进度
help-lifeboat-playbook-show--id = 应急手册 id（见 `playbook list`）
help-lifeboat-playbook-start = 开始一次处理（可选：勾选步骤也会开始），并注明涉及的账户
help-lifeboat-playbook-start--id = 应急手册 id
help-lifeboat-playbook-start--account = 这次事件涉及的账户或服务商
help-lifeboat-playbook-check = 勾选一个步骤（等待步骤：第一次勾选开始计时）
help-lifeboat-playbook-check--id = 应急手册 id
help-lifeboat-playbook-check--step = 步骤 id（`playbook show` 中 <...> 里显示的）
help-lifeboat-playbook-check--note = 发生了什么；备注类步骤必填
help-lifeboat-playbook-check--account = 这次事件涉及的账户或服务商
help-lifeboat-playbook-skip = 把不适用于你的步骤标为跳过，并说明原因（算作已完成；报告中会显示原因）
help-lifeboat-playbook-skip--id = 应急手册 id
help-lifeboat-playbook-skip--step = 步骤 id
help-lifeboat-playbook-skip--reason = 该步骤不适用的原因（例如 "自托管钱包：没有服务商可问"）
help-lifeboat-playbook-uncheck = 撤回一次勾选、一个回答或一个等待计时
help-lifeboat-playbook-uncheck--id = 应急手册 id
help-lifeboat-playbook-uncheck--step = 步骤 id
help-lifeboat-playbook-answer = 用选项 id 或编号回答一个问题步骤
help-lifeboat-playbook-answer--id = 应急手册 id
help-lifeboat-playbook-answer--step = 问题步骤的 id
help-lifeboat-playbook-answer--choice = 选项 id 或编号（1、2……）
help-lifeboat-playbook-answer--note = 随回答一起记下的内容
help-lifeboat-playbook-note = 给步骤写备注而不勾选
help-lifeboat-playbook-note--id = 应急手册 id
help-lifeboat-playbook-note--step = 步骤 id
help-lifeboat-playbook-note--text = 备注内容
help-lifeboat-playbook-reset = 搁置当前的处理（保留在历史中），下次重新开始
help-lifeboat-playbook-reset--id = 应急手册 id
help-lifeboat-playbook-report = 为当前的处理生成 Markdown 事件报告（不含秘密）
help-lifeboat-playbook-report--id = 应急手册 id
help-lifeboat-playbook-report--out = 写入 FILE（权限 0600，从不覆盖），而不是标准输出
help-lifeboat-playbook-validate = 检查应急手册文件；每个问题输出一行 文件:行:列: 说明
help-lifeboat-playbook-validate--file = TOML 文件
help-lifeboat-tui = 打开终端界面（在终端上直接运行 `lifeboat` 也会打开）
help-lifeboat-demo = 在一个临时保险库上用虚构的示例条目打开终端界面，先看看效果
help-lifeboat-completions = 输出 shell 补全脚本（bash、zsh、fish、elvish、powershell）
help-lifeboat-completions--shell = shell 名称
help-lifeboat-man = 输出手册页，或用 --out 把所有手册页写入文件夹
help-lifeboat-man--out = 把 lifeboat.1 和每个命令的手册页（lifeboat-COMMAND.1）写入 DIR
help-lifeboat-config = 配置文件：在哪里、当前生效的设置、修改某个键
help-lifeboat-config-path = 输出配置文件的路径（$LIFEBOAT_CONFIG，否则为默认路径）
help-lifeboat-config-show = 输出当前生效的每个设置及其来源
help-lifeboat-config-set = 在配置文件中设置一个键（先检查；注释会保留）
help-lifeboat-config-set--key = 键
help-lifeboat-config-set--value = 值，例如 auto_lock 用 5m，language 用 zh-CN
help-lifeboat-config-unset = 从配置文件中删除一个键（恢复其默认值）
help-lifeboat-config-unset--key = 键
help-lifeboat-add-after =
    当标准输入不是终端时，秘密内容从标准输入读取，否则通过不回显的提示输入：
      seed      助记词单词（校验 BIP39 校验和；见“助记词选项”）
      key       私钥文本（可识别 hex、WIF 和 xprv）
      totp      otpauth:// URI 或 base32 密钥
      codes     恢复码，每行一个
      password  第一行为密码（见“密码选项”）
      note      标准输入的全部内容
help-lifeboat-completions-after = 安装示例：lifeboat completions bash > ~/.local/share/bash-completion/completions/lifeboat

# clap 自带的解析错误，在非英文界面中按其上下文重新组织（src/cli/parse_error.rs）。
clap-error = 错误：{ $message }
clap-quoted = “{ $value }”
clap-unknown-argument = 无法识别的参数“{ $arg }”
clap-invalid-subcommand = 无法识别的命令“{ $name }”
clap-value-required = “{ $arg }”需要一个值，但没有给出
clap-invalid-value = “{ $arg }”的值“{ $value }”无效
clap-invalid-value-because = “{ $arg }”的值“{ $value }”无效：{ $reason }
clap-possible-values = [可选值：{ $values }]
clap-missing-required = 缺少以下必需的参数：
clap-missing-subcommand = “{ $name }”后面需要一个子命令，但没有给出
clap-subcommands = [子命令：{ $values }]
clap-argument-repeated = 参数“{ $arg }”只能使用一次
clap-argument-conflict = 参数“{ $arg }”不能与 { $other } 一起使用
clap-argument-conflict-any = 参数“{ $arg }”不能与已给出的其他某个参数一起使用
clap-no-equals = 给“{ $arg }”赋值时需要用等号（=）
clap-too-many-values = “{ $arg }”多出了一个值“{ $value }”；它不接受更多的值
clap-too-few-values = “{ $arg }”至少需要 { $min } 个值，只给出了 { $given } 个
clap-wrong-number-of-values = “{ $arg }”需要 { $expected } 个值，但给出了 { $given } 个
clap-invalid-utf8 = 有参数不是有效的 UTF-8 文本
clap-reason-range = { $value } 不在允许的范围 { $range } 内
clap-reason-not-number = 这不是一个整数
clap-reason-too-large = 这个数字太大或太小
clap-tip-similar-subcommand = 提示：{ $count ->
        [1] 有一个相近的命令
       *[other] 有几个相近的命令
    }：{ $names }
clap-tip-similar-argument = 提示：{ $count ->
        [1] 有一个相近的参数
       *[other] 有几个相近的参数
    }：{ $names }
clap-tip-similar-value = 提示：{ $count ->
        [1] 有一个相近的值
       *[other] 有几个相近的值
    }：{ $names }
clap-tip-as-value = 提示：如果要把“{ $value }”当作值传入，请写成“{ $usage }”
clap-tip-remove-dashes = 提示：命令“{ $name }”存在；要使用它，请去掉它前面的“--”
clap-tip-exists = 提示：“{ $usage }”是存在的
clap-usage = 用法: { $usage }
clap-try-help = 更多信息请运行“{ $flag }”。
