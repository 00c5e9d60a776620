variable "name_prefix" {
  description = "Start of every name, <service>-<environment> (for example order-service-prod); the API is <name_prefix>-api."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "description" {
  description = "Description of the API."
  type        = string
  default     = null
}

variable "routes" {
  description = "Each route, \"METHOD /path\" with {name} for a path parameter (for example \"GET /users/{id}\"), to the invoke ARN of the Lambda function that serves it through a proxy integration."
  type        = map(string)

  validation {
    condition     = length(var.routes) > 0 && alltrue([for route in keys(var.routes) : can(regex("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /[^ ]*$", route))])
    error_message = "routes must not be empty, and each key must be an HTTP method, one space and a path starting with /, such as \"GET /users/{id}\"."
  }
}

variable "stage_name" {
  description = "Name of the one stage, the first segment of every URL path (for example prod)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,128}$", var.stage_name))
    error_message = "stage_name must be 1 to 128 letters, digits, hyphens and underscores."
  }
}

variable "throttling_rate_limit" {
  description = "Steady requests per second the stage accepts before answering 429."
  type        = number
  default     = 100

  validation {
    condition     = var.throttling_rate_limit > 0
    error_message = "throttling_rate_limit must be positive."
  }
}

variable "throttling_burst_limit" {
  description = "Requests the stage accepts at once above the rate limit, in a short burst."
  type        = number
  default     = 200

  validation {
    condition     = var.throttling_burst_limit > 0 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a positive whole number."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the access log, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts, such as 7, 30, 90 or 365."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key that encrypts the access log, or null for CloudWatch Logs' own encryption. Its policy must let logs.<region>.amazonaws.com use it for this log group."
  type        = string
  default     = null
}

variable "manage_account_logging_role" {
  description = "Whether to create the IAM role API Gateway writes REST API logs with and set it in the account's API Gateway settings. That setting is one per account and region: REST API access logs fail without it, and destroying it clears it for every API in the region. Keep it true in exactly one stack per account and region, false everywhere else."
  type        = bool
  default     = false
}

variable "feature" {
  description = "Value of the launchpad:feature tag on everything this module creates: the Launchpad feature the resources exist for."
  type        = string
  default     = "core"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.feature))
    error_message = "feature must be a Launchpad feature id: lowercase letters, digits and hyphens."
  }
}

variable "tags" {
  description = "Extra tags for everything this module creates. The launchpad:service, launchpad:team and launchpad:environment tags come from the provider's default_tags."
  type        = map(string)
  default     = {}
}
