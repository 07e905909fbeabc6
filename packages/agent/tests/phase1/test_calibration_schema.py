"""The calibration file says which features it was fitted for; another version is refused with how to refit."""

from __future__ import annotations

import json

import pytest

from text2sql_agent.phase1.confidence import FEATURE_SCHEMA, FEATURES, Calibration, ConfidenceFeatures
from text2sql_core.errors import ConfigurationError


def _write(tmp_path, **data) -> str:
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_file_of_the_old_five_features_is_stale_and_says_how_to_refit(tmp_path) -> None:
    path = _write(tmp_path, mean=[0] * 5, scale=[1] * 5, weights=[1] * 5, bias=0.0, fitted_on="old")
    with pytest.raises(ConfigurationError) as raised:
        Calibration.load(path)
    assert raised.value.code == "CALIBRATION_STALE"
    assert "--fit-calibration" in raised.value.message and "다시 맞추세요" in raised.value.message


def test_a_file_of_another_feature_list_is_stale_even_with_the_same_version(tmp_path) -> None:
    n = len(FEATURES)
    path = _write(tmp_path, mean=[0] * n, scale=[1] * n, weights=[1] * n, bias=0.0, feature_schema=FEATURE_SCHEMA,
                  features=list(reversed(FEATURES)))
    with pytest.raises(ConfigurationError) as raised:
        Calibration.load(path)
    assert raised.value.code == "CALIBRATION_STALE"


def test_an_unreadable_file_is_a_configuration_error_not_a_traceback(tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        Calibration.load(path)
    assert raised.value.code == "CALIBRATION_INVALID"
    with pytest.raises(ConfigurationError):
        Calibration.load(tmp_path / "absent.json")


def test_unknown_values_never_raise_the_shipped_confidence() -> None:
    # Spider has no value index, so the shipped fit cannot see this feature (weight 0); the veto is the
    # `unknown_value` leftover. A refit on data with a value index gives it its weight.
    calibration = Calibration.load()
    base = dict(cosine=0.93, margin=0.05, cues=1.0, fill_quality=1.0, bound_values=1, grounded=1.0)
    trusted = calibration.probability(ConfidenceFeatures(**base, unknown_values=0))
    doubted = calibration.probability(ConfidenceFeatures(**base, unknown_values=1))
    assert doubted <= trusted
