"""What tests and benchmarks both use: ``envelopes`` (Alexa request envelopes aimed at a
loopback stand-in), ``proxy`` (a DynamoDB proxy that injects faults), ``fast_moto`` (moto's
DynamoDB sped up for large tables) and ``exports`` (large export files for the import). Never
shipped: the Lambda and the commands don't import it."""
