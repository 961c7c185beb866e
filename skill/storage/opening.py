"""Opening the store the settings name, for ``wins serve``, ``wins chat`` and ``wins export``:
a DynamoDB table when one is named, DynamoDB on moto in this process when asked for, else
SQLite in the data folder.

This is the one module that names both backends. Each is imported only when it is opened, so
the self-hosted commands never load the AWS SDK for SQLite, and nothing here loads SQLite for a
table. The Lambda does not come through here: it opens its table itself (``skill.entry``).
"""

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from skill.storage.dynamodb.client import TABLE_ENV as TABLE_ENV
from skill.storage.errors import StorageError, StoreSetupError

# Loaded by the services anyway; imported here so the record below needs no forward reference.
from skill.storage.interface import PortableStore
from skill.storage.staging import Staging

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

    from skill.storage.dynamodb.store import DynamoWinStore

logger = logging.getLogger(__name__)

DATA_DIR_ENV: Final = "WINS_DATA_DIR"
# The in-process DynamoDB keeps its file apart from the SQLite store's, so neither reads the other.
EMBEDDED_DYNAMODB_DIR: Final = "dynamodb"


class StoreSettings(NamedTuple):
    """Which store: ``table`` names a DynamoDB table; otherwise SQLite in ``data_dir``.

    ``embedded_dynamodb`` (without a table) keeps DynamoDB on moto in this process instead, in
    ``data_dir``'s ``dynamodb`` folder: the Lambda's own store code, without AWS.
    """

    table: str | None = None
    data_dir: Path | None = None  # None: ``default_data_dir()``
    region: str | None = None  # for the table; None: the usual AWS settings
    embedded_dynamodb: bool = False

    @classmethod
    def for_options(
        cls, table: str | None, data_dir: Path | None, *, embedded_dynamodb: bool = False
    ) -> "StoreSettings":
        """What ``--table`` and ``--data-dir`` ask for; a table's region from the AWS settings."""
        region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None
        return cls(table, data_dir, region, embedded_dynamodb)


class OpenedStore(NamedTuple):
    store: PortableStore
    where: str  # said to the person: where their wins are kept
    save: Callable[[], None] | None = None  # the in-process DynamoDB persists when called


def open_store(settings: StoreSettings, stack: contextlib.ExitStack) -> OpenedStore:
    """The store ``settings`` name, ready to use; it is closed when ``stack`` closes."""
    data_dir = settings.data_dir or default_data_dir()
    if settings.table:
        from skill.storage.dynamodb.export import PortableDynamoWinStore

        table = PortableDynamoWinStore(_client(settings.region), settings.table)
        return OpenedStore(table, f"the DynamoDB table {settings.table}")
    if settings.embedded_dynamodb:
        return _embedded(data_dir / EMBEDDED_DYNAMODB_DIR, stack)
    from skill.storage.sqlite.legacy import import_legacy_items
    from skill.storage.sqlite.store import SqliteWinStore

    try:
        store = SqliteWinStore(data_dir)
    except (StorageError, OSError) as exc:
        raise StoreSetupError(f"The wins in {data_dir} could not be opened: {exc}") from exc
    stack.callback(store.close)
    try:
        said = import_legacy_items(store, data_dir)
    except (StorageError, ValueError, OSError) as exc:
        raise StoreSetupError(f"The saved wins in {data_dir} could not be imported: {exc}") from exc
    if said:
        logger.warning("%s", said)
    return OpenedStore(store, str(data_dir))


def open_staging(settings: StoreSettings, stack: contextlib.ExitStack) -> Staging:
    """The staging file of an import into the store ``settings`` name; closed with ``stack``.

    For a data folder it is the folder's own (left there by an import that stopped part way,
    if one did, so that it can be undone); for a table, a new one in a private temporary folder.
    """
    from skill.storage.sqlite.staging import STAGING_FILE, SqliteStaging

    if settings.table or settings.embedded_dynamodb:
        folder = Path(tempfile.mkdtemp(prefix="wins-import-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
    else:
        folder = settings.data_dir or default_data_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = SqliteStaging(folder / STAGING_FILE)
    stack.callback(staging.close)
    return staging


@contextlib.contextmanager
def stopped_import(settings: StoreSettings) -> Iterator[Staging | None]:
    """The staging file an import into this data folder left when it stopped (killed, a power
    cut), open for whoever is about to serve the store; None if there is none, or if a running
    import holds it (that import finishes or undoes its own work). Closed on leaving, so the
    next ``wins import`` can use the folder.
    """
    if settings.table or settings.embedded_dynamodb:
        yield None  # a table's imports stage in a temporary folder, never left behind
        return
    from skill.storage.sqlite.staging import STAGING_FILE, ImportRunning, SqliteStaging

    path = (settings.data_dir or default_data_dir()) / STAGING_FILE
    if not path.exists():
        yield None
        return
    try:
        staging = SqliteStaging(path)
    except ImportRunning:
        yield None
        return
    try:
        yield staging
    finally:
        staging.close()


def _embedded(folder: Path, stack: contextlib.ExitStack) -> OpenedStore:
    from skill.storage.dynamodb.embedded import EmbeddedDynamo

    embedded = stack.enter_context(EmbeddedDynamo(folder))
    # Imported only now: the embedded store's mock must exist before any boto3 client does.
    from skill.storage.dynamodb.export import PortableDynamoWinStore

    store = PortableDynamoWinStore(embedded.client, embedded.table_name)
    return OpenedStore(store, f"{folder} (DynamoDB in this process)", embedded.save)


def open_table(
    table: str, client: "DynamoDBClient | None" = None, region: str | None = None
) -> "DynamoWinStore":
    """The DynamoDB store alone, with the Lambda's client settings (for ``wins serve --table``)."""
    from skill.storage.dynamodb.store import DynamoWinStore

    return DynamoWinStore(client or _client(region), table)


def _client(region: str | None) -> "DynamoDBClient":
    """A client for a real table or endpoint, with the same timeouts and retries as on Lambda."""
    from botocore.exceptions import BotoCoreError

    from skill.storage.dynamodb.client import dynamodb_client

    try:
        return dynamodb_client(region_name=region)
    except BotoCoreError as exc:
        raise StoreSetupError(
            f"Could not set up DynamoDB for the table ({exc}). Set AWS_REGION and credentials, "
            "or AWS_ENDPOINT_URL_DYNAMODB for a local endpoint."
        ) from exc


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$WINS_DATA_DIR``, else ``$XDG_DATA_HOME/wins``, else ``~/.local/share/wins``."""
    env = os.environ if environ is None else environ
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"]).expanduser() / "wins"
    return Path.home() / ".local" / "share" / "wins"


def migrate_table(
    source: str,
    target: str,
    state: Path,
    region: str | None,
    say: Callable[[str], None],
    warn: Callable[[str], None],
) -> int:
    """``wins migrate-table``: copy a table into one of this release's shape (README,
    "Replacing the table"; ``skill.storage.dynamodb.migrate``). A client with boto3's own
    patient retries, not the skill's: nobody is waiting on Alexa here."""
    import boto3

    from skill.storage.dynamodb import migrate

    client: DynamoDBClient = boto3.client("dynamodb", region_name=region)
    return migrate.migrate(client, source, target, state, migrate.clock(), say, warn)


def migrated_table(table: str, region: str | None) -> tuple[PortableStore, datetime]:
    """The table ``wins migrate-table`` copied into (or was given alone), as a store with
    boto3's own patient retries, and the migration's clock: what counting each person's
    fortnight ahead of time works over."""
    import boto3

    from skill.storage.dynamodb import migrate
    from skill.storage.dynamodb.export import PortableDynamoWinStore

    client: DynamoDBClient = boto3.client("dynamodb", region_name=region)
    return PortableDynamoWinStore(client, table), migrate.clock()
