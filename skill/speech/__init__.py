"""What the skill says: words per locale as data, and the SSML built from them."""
