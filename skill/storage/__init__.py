"""Where wins live: DynamoDB behind one small class."""
