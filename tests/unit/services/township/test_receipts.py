"""Receipts back to the branch: what was received up to which change, the inspector's
comments, the township's rule set adopted with the previous one kept in the history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.services.township.helpers import make_branch, make_township, trust
from villagebook.domain.common.errors import InputError, UserError
from villagebook.domain.common.findings import FindingKey
from villagebook.services.township.bundle import BundleRefused
from villagebook.storage.db import Database

Opener = Callable[[str], Database]


def test_a_receipt_brings_comments_and_the_townships_rules(
    open_any: Opener, tmp_path: Path
) -> None:
    """TWN-RULES-ADOPT: the branch adopts the township's DEV-PUBLICITY of 7 working days."""
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    sent = branch.township.export_bundle(tmp_path / "a.vbbundle")
    township.township.import_bundle(Path(sent.path), trust)
    township.township.set_rules(
        {"DEV-PUBLICITY.working_days": 7}, name="石门镇规则", version="石门镇-2026.1"
    )
    township.township.comment(
        village.branch_id, "请补开主题党日", finding=FindingKey("MTG-THEMEDAY-M", "", "2026年10月")
    )
    receipt = township.township.write_receipt(village.branch_id, tmp_path / "r.vbbundle")
    assert receipt.comments == 1 and receipt.rules_version == "石门镇-2026.1"
    assert branch.rules().as_int("DEV-PUBLICITY.working_days") == 5
    got = branch.township.import_receipt(Path(receipt.path), trust)
    assert got.adopted_rules and got.up_to_change == sent.to_change
    assert branch.rules().as_int("DEV-PUBLICITY.working_days") == 7
    assert branch.rules().version == "石门镇-2026.1"
    [comment] = branch.township.comments()
    assert comment.text == "请补开主题党日" and comment.code == "MTG-THEMEDAY-M"
    assert comment.township == "中共石门镇委员会"
    assert branch.township.acknowledged() == sent.to_change
    again = branch.township.import_receipt(Path(receipt.path), trust)  # no-op
    assert len(branch.township.comments()) == 1 and not again.adopted_rules
    # a later, different rule set replaces it; the history keeps both
    township.township.set_rules(
        {"DEV-PUBLICITY.working_days": 7, "MTG-RECORD-3WD.working_days": 2},
        name="石门镇规则",
        version="石门镇-2026.2",
    )
    later = township.township.write_receipt(village.branch_id, tmp_path / "r2.vbbundle")
    branch.township.import_receipt(Path(later.path))
    history = branch.township.rule_sets()
    assert [h.version for h in history] == ["石门镇-2026.2", "石门镇-2026.1"]
    assert history[0].current and not history[1].current
    assert branch.rules().as_int("MTG-RECORD-3WD.working_days") == 2
    # the next bundle reports the rules now applied: no rule set in the next receipt
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "b.vbbundle").path)
    )
    assert (
        township.township.write_receipt(village.branch_id, tmp_path / "r3.vbbundle").rules_version
        == ""
    )


def test_the_same_rules_are_not_adopted_twice(open_any: Opener, tmp_path: Path) -> None:
    """TWN-RULES-ADOPT (failing case): a receipt without other rules changes nothing."""
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    township.township.import_bundle(
        Path(branch.township.export_bundle(tmp_path / "a.vbbundle").path), trust
    )
    receipt = township.township.write_receipt(village.branch_id, tmp_path / "r.vbbundle")
    assert receipt.rules_version == ""
    assert not branch.township.import_receipt(Path(receipt.path), trust).adopted_rules
    assert branch.township.rule_sets() == []


def test_receipts_and_bundles_go_only_where_they_belong(open_any: Opener, tmp_path: Path) -> None:
    branch, village, _meeting = make_branch(open_any("branch"), tmp_path / "files")
    township = make_township(open_any("township"))
    sent = Path(branch.township.export_bundle(tmp_path / "a.vbbundle").path)
    with pytest.raises(BundleRefused, match="回执"):
        branch.township.import_receipt(sent, trust)
    with pytest.raises(BundleRefused, match="乡镇安装"):
        branch.township.import_bundle(sent, trust)
    township.township.import_bundle(sent, trust)
    receipt = Path(township.township.write_receipt(village.branch_id, tmp_path / "r.vbbundle").path)
    with pytest.raises(BundleRefused, match="回执"):
        township.township.import_bundle(receipt, trust)
    with pytest.raises(UserError, match="信任列表"):
        branch.township.import_receipt(receipt)  # the township's key is not trusted yet
    with pytest.raises(InputError):
        township.township.export_bundle(tmp_path / "x.vbbundle")
    with pytest.raises(InputError):
        township.township.set_rules({"NO-SUCH.rule": 1}, name="x", version="1")
