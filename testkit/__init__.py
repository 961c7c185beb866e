"""What tests and benchmarks both use: ``envelopes`` (Alexa request envelopes aimed at a
loopback stand-in), ``proxy`` (a DynamoDB proxy that injects faults), ``fast_moto`` (moto's
DynamoDB sped up for large tables), ``alexa_signing`` (Amazon's side of request signing, and a
forger's), ``serve_harness`` (the real ``wins serve`` trusting that stand-in for Amazon),
``forged_load`` (forged requests against a server, and its latency meanwhile) and ``exports``
(large export files for the import). Never shipped: the Lambda and the commands don't import
it."""
