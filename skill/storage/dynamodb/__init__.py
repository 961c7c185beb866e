"""The DynamoDB backend: the Lambda's store, one partition per person, at most two calls a turn.

Rule: only this folder imports boto3 or botocore for storage, and it imports no other backend.
``schema.py`` describes the key design.
"""
