"""Small Wins' benchmark suite: ``python -m benchmarks.run`` (``--quick`` for a smoke run).

Cold starts against a loopback DynamoDB, warm latency and DynamoDB calls per intent, how both
grow with a person's wins, and the Lambda artifact's size and start-up imports. Nothing here
reaches AWS or Alexa: DynamoDB is moto, Alexa's APIs are the console's loopback stand-in.
"""
