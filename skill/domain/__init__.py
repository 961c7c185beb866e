"""The rules of Small Wins as plain Python: no ASK SDK, no boto3, randomness and time passed in."""
