"""The storage layer's own exceptions, so callers never look inside a backend's errors."""


class StorageError(Exception):
    """Storage could not do what was asked; nothing may be assumed saved."""


class StorageUnavailable(StorageError):
    """The store was busy, throttling, unreachable or failing: worth trying again later."""


class ConcurrentUpdate(StorageError):
    """The person's data changed between reading and writing; read again and retry."""


class DuplicateRequest(StorageError):
    """This Alexa request was already stored once (a redelivery); nothing new was written."""


class StoreSetupError(Exception):
    """The store cannot be opened; the message says what to do."""
