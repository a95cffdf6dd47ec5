"""Kind "complaints": complaint sites (Şikayetvar and the like), and exports of them.

A source URL is either a brand's listing page, read with a site profile from
`complaint_profiles.yml` (how a profile is chosen is described there: state option
``profile``, a ``#profile=NAME`` URL fragment, the host, the default), or an export of
complaints: a URL ending ``.csv`` or ``.json``, or a CSV/JSON content type.

Listing: a conditional GET of the first page, then its "next" pages while every complaint on
a page is new to us (at most `max_pages` listing pages), then at most `max_complaints`
complaint pages per run. State: ``seen``, the complaint URLs read (newest first, at most
`max_seen`), and ``pending``, those found but left over by the bound, read first next run
(even when the listing answers 304). A complaint page that fails is skipped (tried again when
a listing shows it as new again), but if every one fails the run fails. A page cut short (no
closing ``</html>``) is refused: documents are insert-only, and a cut text would stay cut.

Export: CSV with a header row, or JSON (a list of objects, or ``{"complaints": [...]}``).
Fields, by their names or those of the Şikayetvar dataset export: ``url``; ``company``
(``brand``, ``operator``); ``title``; ``text`` (``full_text``, ``description``); ``date``
(``date_raw``, ``published_at``: ISO 8601, "31 Aralık 2025 22:43", "31.12.2025 22:43" or the
dataset's "12/31/2025", month first); ``status`` (``is_resolved``); ``username``. Rows
without a URL or without any text are skipped.

Every complaint's title and text pass through `collectors.pii` before they leave this module;
the username is used for masking and never stored. Each item carries
``extra["complaint"] = {"company", "status", "day"}`` (``day``: the local date the site
shows); the runner calls `count_complaint` for each one it stores, which keeps the per
company, per day counts (`ComplaintCount`) that the surge detector reads.

Modules: `collector` (the ComplaintsCollector: listing, pages, state), `profiles` (site profiles
and choosing one), `site` (listing and complaint pages), `export` (CSV/JSON exports), `item`
(the masked RawItem), `dates` (site dates), `counts` (per company and day), `fold`.
"""

from collectors.complaints.collector import ComplaintsCollector
from collectors.complaints.counts import MAX_COMPANY_KEY, company_key, count_complaint
from collectors.complaints.dates import parse_site_date
from collectors.complaints.export import export_items
from collectors.complaints.profiles import PROFILES_FILE, Profile, choose_profile, load_profiles
from collectors.complaints.site import complaint_item, listing_links

__all__ = [
    "MAX_COMPANY_KEY",
    "PROFILES_FILE",
    "ComplaintsCollector",
    "Profile",
    "choose_profile",
    "company_key",
    "complaint_item",
    "count_complaint",
    "export_items",
    "listing_links",
    "load_profiles",
    "parse_site_date",
]
