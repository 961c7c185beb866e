"""The cold-start baseline: the smallest ASK SDK skill that answers a launch, as a Lambda entry."""
