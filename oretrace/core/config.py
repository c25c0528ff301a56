"""Settings, read once from the environment (prefix ORETRACE_) with embedded defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Limits(BaseSettings):
    """Bounds that keep one hostile or oversized file from taking the service down.

    The resource budget (`max_page_points`, `max_image_pixels`, `max_decoded_bytes`) is checked from headers and
    dictionaries before anything is rendered or decoded, by the pipeline and the workspace's page images alike
    (`oretrace.extractors.budget`, docs/architecture.md).
    """

    model_config = SettingsConfigDict(env_prefix="ORETRACE_LIMIT_")

    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 500
    # The longest side of a page in PDF points: 14,400 pt (200 in) is the largest page the PDF specification has.
    max_page_points: float = 14_400.0
    # Pixels of one page as it is read: a PDF page rendered at ocr_dpi, an image resampled to it (A2 at 300 dpi
    # is 35 million). A page that would be larger is read at the highest resolution that fits.
    max_image_pixels: int = 50_000_000
    # Bytes one decoded image or inflated PDF stream may take in memory.
    max_decoded_bytes: int = 256 * 1024 * 1024
    ocr_seconds_per_page: int = 120


class PortfolioThresholds(BaseSettings):
    """When a portfolio check fires; the reasons for each figure are in docs/checks.md."""

    model_config = SettingsConfigDict(env_prefix="ORETRACE_PORTFOLIO_")

    # supplier_volume_surge: a quarter at least this many times both the same quarter a year before and the
    # mean of the four quarters before it, and at least this heavy.
    surge_factor: float = 5.0
    surge_min_tonnes: float = 50.0
    # smelter_capacity_exceeded: twelve months' tonnage attributed to a smelter above this share of its capacity.
    capacity_share: float = 1.0
    # origin_exceeds_production: twelve months' tonnage from a country above this share of its production plus
    # listed smelter capacity, and at least this heavy (a country with none listed fires on the minimum alone).
    origin_share: float = 0.25
    origin_min_tonnes: float = 20.0
    # origin_switch: an exporter with this many earlier shipments declares a new origin; high severity when the
    # new origin produces and can smelt less than this a year.
    switch_min_prior_shipments: int = 2
    switch_low_production_tonnes: float = 1_000.0
    # unit_value_outlier: price per kg of contained metal this many times above or below the median of its
    # commodity, currency and quarter, when the median rests on at least this many shipments.
    unit_value_factor: float = 3.0
    unit_value_min_peers: int = 8


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORETRACE_", env_nested_delimiter="__")

    home: Path = Field(default=Path(".oretrace"), description="data directory (database, cache, Prefect home)")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default a SQLite file in home")
    ocr_languages: str = Field(default="eng+spa", description="Tesseract languages tried on every scanned page")
    ocr_dpi: int = Field(default=300, description="resolution pages are rendered or resampled to before OCR")
    workers: int = Field(default=2, description="documents processed at once")
    dask_address: str | None = Field(
        default=None, description="Dask scheduler (e.g. tcp://10.0.0.5:8786) that runs the per-document tasks"
    )
    prefect_server: Literal["local", "temporary"] = Field(
        default="local",
        description="`local`: one Prefect server per data directory, started on first use, kept until idle; "
        "`temporary`: a server per run (Prefect's default without PREFECT_API_URL)",
    )
    prefect_server_idle_minutes: float = Field(default=15.0, description="the local Prefect server stops after")
    limits: Limits = Field(default_factory=Limits)
    portfolio: PortfolioThresholds = Field(default_factory=PortfolioThresholds)
    watch_quiet_seconds: float = Field(default=10.0, description="a shipment folder must be unchanged this long")
    watch_poll_seconds: float = Field(default=5.0, description="scan interval of `oretrace watch` between events")
    watch_lease_seconds: float = Field(default=120.0, description="a watcher's claim on a shipment expires after")
    audit_anchor: Path | None = Field(
        default=None,
        description="append-only file, outside the database, that receives the audit log's head after every commit",
    )

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home.resolve() / 'oretrace.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
