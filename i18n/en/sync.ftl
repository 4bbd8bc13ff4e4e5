# Keeping one vault on several devices (src/cli/merge_cmd.rs, src/vault,
# src/tui/screens/sync.rs, src/tui/tool_work.rs): sync conflict copies
# offered for merging in the TUI, a save that merged another program's
# change, and a name two merged items share.

## A name held by more than one item

sync-ambiguous-one = { $id } ({ $kind })
sync-ambiguous-name = { $count } items are named "{ $name }": { $matches }. Two copies of the vault each added one and the merge kept both. Name the one you mean by its id instead, for example `lifeboat show { $first }` (`lifeboat list --json` shows every id); to keep them apart for good, rename one in the TUI (e on its page) or remove one with `lifeboat rm ID`.
sync-duplicate-name = two items are now named "{ $name }": name one by its id (`lifeboat list --json` shows the ids) or rename one
sync-tui-same-name = same name, id { $id }…

## A command-line save that merged another program's change

sync-cli-merged-on-save = Another program changed the vault while this command ran (a sync tool, or a lifeboat elsewhere); your change was merged with it and saved, and nothing was lost.
sync-cli-merged-counts = {"  "}from the other version: { $added } added, { $changed } changed, { $deleted } deleted
sync-cli-merged-conflict = {"  "}conflict: both changed { $item } ({ $field }); the newer value is current and the other is kept in the item's history
sync-cli-merged-restored = {"  "}{ $item } was deleted in one version and edited in the other: it is kept, with the edit
sync-cli-merged-restored-erased = {"  "}{ $item } had its values purged: they stay erased, only the edit came back

## The TUI: the banner, the page, its keys

sync-banner = { $count ->
    [one] {" "}! A sync tool left a conflict copy beside the vault: m to review and merge
   *[other] {" "}! A sync tool left { $count } conflict copies beside the vault: m to review and merge
}
sync-tool-fix = press m to review it and merge it here; afterwards the copy is moved into the backup folder
sync-title = Sync conflict copies
sync-explain = A sync tool kept these versions of the vault beside it; their changes are not in the vault yet. Enter merges the chosen copy (nothing is lost; the copy is then moved into the backup folder, never deleted). Esc leaves them for later.
sync-read-only = This session is read-only: press Esc, then P to prove it with the passphrase or recovery key, before merging.
sync-loading = Opening each copy and comparing it with the vault…
sync-none = No conflict copies are beside the vault now.
sync-merging = merging and saving…
sync-footer = ↑↓ choose · Enter merge this copy · Esc leave them for later · ? help
sync-footer-items = ↑↓ move · Enter open · / search · a add · m review copies · ? help · q quit
sync-help-move = choose a copy
sync-help-merge = merge it and keep the copy in the backup folder
sync-help-back = back to the list; the copies stay where they are
sync-help-help = this help
sync-help-review = review and merge sync conflict copies

## What merging a copy would change

sync-adds = adds: { $names }
sync-changes = changes: { $names }
sync-deletes = deletes: { $names }
sync-restores = keeps, with the other side's edit (deleted here): { $names }
sync-restores-erased = of those, without the values you purged (only the edit comes back): { $names }
sync-conflict-theirs = conflict: both changed { $item } ({ $field }); the copy's value is newer and becomes current, this vault's goes to the item's history
sync-conflict-ours = conflict: both changed { $item } ({ $field }); this vault's value is newer and stays, the copy's goes to the item's history
# A field's name in a conflict line (English: the field's id).
sync-field-name = { $field }
# One conflicting field in a list of them.
sync-conflict-entry = { $item } ({ $field })
# A conflict copy's file name and the sync tool that left it.
sync-copy-title = { $file }  ({ $tool })
sync-settings = settings from the copy: { $names }
sync-playbooks = playbook progress and activity log entries from the copy
sync-nothing-new = nothing new: everything in it is already in the vault (merging only moves the copy aside)
sync-and-more = {" "}and { $count } more

## Merged, or refused

sync-refused = refused, never merged: { $reason }
sync-refused-forged = it fails the authenticity check, so it may have been planted. Do not use it; it stays where it is.
sync-refused-keys = this vault's recovery key does not open it (its keys were changed, or it was not made from this vault). If it is yours, merge it on the command line: lifeboat merge FILE --other-identity ITS-RECOVERY-KEY-FILE
sync-refused-read-only = this session is read-only; prove it first (P), then merge
sync-refused-other-vault = it is a copy of a different vault. Use `lifeboat export` there and `lifeboat import` here instead.
sync-refused-damaged = it cannot be read as a vault: { $error }
sync-gone = the copy is no longer beside the vault (moved or merged meanwhile)
sync-not-merged = { $file } was not merged: { $reason }
sync-merged = Merged { $file } and saved: { $added } added, { $changed } changed, { $deleted } deleted.
sync-merged-conflicts = { $count ->
    [one] One field both sides changed: the other value is in the item's history.
   *[other] { $count } fields both sides changed: the other values are in the items' history.
}
sync-moved = The copy was moved to { $to }.
sync-not-moved = The copy could not be moved aside ({ $error }); it is merged, so you may move or delete it yourself.
sync-left-for-later = { $count ->
    [one] The conflict copy stays beside the vault, not merged.
   *[other] { $count } conflict copies stay beside the vault, not merged.
}

## The check-up

sync-doctor-duplicate = { $count } items are named "{ $name }" ({ $ids }): a merge kept both, and a command given that name asks which one you mean
sync-doctor-duplicate-fix = name one by its id (`lifeboat show { $id }`), or rename one in the TUI (e on its page) so each name says which is which
