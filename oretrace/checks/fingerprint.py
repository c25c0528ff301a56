"""How well an assay composition fits a smelter's impurity profile: a chi-square statistic in log space.

For each impurity element present on the certificate and in the profile (Sb, the matrix, is left out: its
printed value depends on metal vs trioxide, not on the source), the deviation is

    z = (ln observed - ln mean) / s,   s^2 = ln(1 + (sd/mean)^2) + ANALYTICAL_RSD^2 + (ROUNDING_PCT/mean)^2

i.e. the profile's lot-to-lot spread as a log-normal width, plus the laboratory's own uncertainty, plus the
rounding of tiny values (the extractor keeps 6 decimals of mass percent). Log space because impurity levels
are positive and spread multiplicatively; "3x too much arsenic" should weigh the same at 0.01 % and at
0.1 %. With a diagonal covariance (the profiles give no correlations), sum(z^2) is the squared Mahalanobis
distance and, for a composition drawn from the profile, follows chi-square with df = number of elements
compared. Missing elements simply drop out (df shrinks); fewer than MIN_ELEMENTS compared gives no verdict.

Threshold: the chi-square quantile at P_CONSISTENT. scipy is not a dependency of this project, so the
quantile uses the Wilson-Hilferty approximation (cube root of chi-square/df is nearly normal); for df >= 3 it
is within 2 % of the exact quantile at p = 0.999 (df=3: 16.55 vs 16.27; df=13: 34.68 vs 34.53), slightly
above it, i.e. slightly towards "consistent".

A composition also counts as consistent when it is within the limit after setting aside its single worst
element (see `ProfileFit.consistent`): one misread value on a scan must not decide the verdict.

Physically impossible readings are set aside before fitting, never counted as evidence of a mismatch: an
impurity above IMPOSSIBLE_IMPURITY_PCT, or, on metal (Sb >= METAL_SB_PCT), above what the Sb assay leaves
(100 - Sb, plus a margin). These are almost always unit slips (ppm read as %) on scans.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from oretrace.reference import AssayProfile

MATRIX = "Sb"
ANALYTICAL_RSD = 0.10
ROUNDING_PCT = 1e-6
P_CONSISTENT = 0.999
MIN_ELEMENTS = 3
IMPOSSIBLE_IMPURITY_PCT = 5.0
METAL_SB_PCT = 95.0
REMAINDER_MARGIN_PCT = 0.05


def chi2_quantile(p: float, df: int) -> float:
    """Wilson-Hilferty approximation of the chi-square quantile (see the module docstring)."""
    z = NormalDist().inv_cdf(p)
    h = 2.0 / (9.0 * df)
    return df * (1.0 - h + z * math.sqrt(h)) ** 3


def chi2_sf(statistic: float, df: int) -> float:
    """P(X >= statistic) for X ~ chi-square(df), by the same approximation."""
    h = 2.0 / (9.0 * df)
    z = ((statistic / df) ** (1.0 / 3.0) - (1.0 - h)) / math.sqrt(h)
    return 1.0 - NormalDist().cdf(z)


@dataclass(frozen=True)
class Deviation:
    element: str
    observed_pct: float
    expected_pct: float
    z: float


@dataclass(frozen=True)
class ProfileFit:
    smelter_id: str
    statistic: float
    df: int
    deviations: tuple[Deviation, ...]  # largest |z| first

    @property
    def threshold(self) -> float:
        return chi2_quantile(P_CONSISTENT, self.df)

    @property
    def consistent(self) -> bool:
        """Within the limit, or within the limit for one element fewer once the worst element is set aside.

        One misread value (a digit lost, "2.2" read as "22") must neither make a composition look foreign
        to its true source nor, for the same reason, hide that source; real differences between origins show
        on several elements at once. Setting the worst element aside makes the test more lenient than the
        nominal p, which errs towards "consistent", i.e. towards no finding.
        """
        if self.statistic <= self.threshold:
            return True
        if self.df <= MIN_ELEMENTS:
            return False
        worst = self.deviations[0].z ** 2
        return self.statistic - worst <= chi2_quantile(P_CONSISTENT, self.df - 1)

    @property
    def p_value(self) -> float:
        return chi2_sf(self.statistic, self.df)

    @property
    def per_element(self) -> float:
        """Statistic per compared element: comparable across fits with different df."""
        return self.statistic / self.df


def plausible_impurities(composition: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """(impurities usable for fitting, impossible readings set aside), both in mass percent."""
    sb = composition.get(MATRIX)
    room = None
    if sb is not None and METAL_SB_PCT <= sb <= 100.0:
        room = 100.0 - sb + REMAINDER_MARGIN_PCT
    usable: dict[str, float] = {}
    impossible: dict[str, float] = {}
    for element, value in composition.items():
        if element == MATRIX:
            continue
        if value <= 0 or value > IMPOSSIBLE_IMPURITY_PCT or (room is not None and value > room):
            impossible[element] = value
        else:
            usable[element] = value
    return usable, impossible


def fit(impurities: dict[str, float], profile: AssayProfile) -> ProfileFit | None:
    """Chi-square fit of `impurities` (mass %) to `profile`; None when fewer than MIN_ELEMENTS are shared."""
    deviations: list[Deviation] = []
    for element, observed in impurities.items():
        stats = profile.elements.get(element)
        if stats is None or element == MATRIX or observed <= 0 or stats.mean <= 0:
            continue
        mean = stats.mean_pct
        width = math.sqrt(math.log1p((stats.sd_pct / mean) ** 2) + ANALYTICAL_RSD**2 + (ROUNDING_PCT / mean) ** 2)
        deviations.append(Deviation(element, observed, mean, (math.log(observed) - math.log(mean)) / width))
    if len(deviations) < MIN_ELEMENTS:
        return None
    deviations.sort(key=lambda d: -abs(d.z))
    statistic = sum(d.z**2 for d in deviations)
    return ProfileFit(profile.smelter_id, statistic, len(deviations), tuple(deviations))


def fit_all(impurities: dict[str, float], profiles: dict[str, AssayProfile]) -> list[ProfileFit]:
    """Fits to every profile, best (lowest statistic per element) first."""
    fits = [f for p in profiles.values() if (f := fit(impurities, p)) is not None]
    return sorted(fits, key=lambda f: f.per_element)
