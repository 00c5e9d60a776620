locals {
  # Route to the function that serves it.
  routes = {
    "GET /health"              = "health"
    "POST /users"              = "users"
    "GET /users/{id}"          = "users"
    "PUT /users/{id}"          = "users"
    "DELETE /users/{id}"       = "users"
    "POST /orders"             = "orders"
    "GET /orders/{id}"         = "orders"
    "POST /orders/{id}/cancel" = "orders"
  }
}

# With the waf feature a REST API serves these routes (waf.tf): WAF cannot protect an HTTP API.
