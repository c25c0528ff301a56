"""The watched-folder service: `oretrace watch` picks up shipment folders dropped in an inbox and processes them."""
