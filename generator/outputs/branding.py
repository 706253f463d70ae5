"""The operator's logo and favicon (``site.yml``), in each language's site folder, where
the theme's configuration points at them (``generator.site.projects``): Material links
``theme.logo`` and ``theme.favicon`` relative to the language's root."""

from __future__ import annotations

from generator.model import SiteAsset, SiteSettings
from generator.outputs import Output, OutputContext

BRANDING_DIR = "assets/site"
"""Inside a language's site folder, beside Material's own ``assets/``."""


def get_asset_path(asset: SiteAsset) -> str:
    return f"{BRANDING_DIR}/{asset.name}"


def get_assets(settings: SiteSettings) -> list[SiteAsset]:
    return [asset for asset in (settings.logo, settings.favicon) if asset]


def get_branding_files(context: OutputContext, lang: str | None) -> dict[str, bytes]:
    return {get_asset_path(asset): asset.data for asset in get_assets(context.corpus.settings)}


OUTPUT = Output("logo and favicon", get_branding_files)
