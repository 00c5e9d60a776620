variable "name_prefix" {
  description = "Start of every name, <service>-<environment> (for example order-service-prod); the web ACL is <name_prefix>-waf."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "resource_arn" {
  description = "ARN of the regional resource the web ACL protects, such as an API Gateway REST API stage (arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>)."
  type        = string
}

variable "rate_limit" {
  description = "Requests one IP address may send in five minutes; beyond that its requests are blocked until its rate falls below the limit."
  type        = number
  default     = 2000

  validation {
    condition     = var.rate_limit >= 10 && var.rate_limit <= 2000000000 && floor(var.rate_limit) == var.rate_limit
    error_message = "rate_limit must be a whole number from 10 to 2,000,000,000 (the limits of a WAF rate-based rule)."
  }
}

variable "blocked_countries" {
  description = "ISO 3166 two-letter codes of countries whose requests are blocked; empty blocks none."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for code in var.blocked_countries : can(regex("^[A-Z]{2}$", code))])
    error_message = "blocked_countries must hold two-letter country codes in capitals, such as KP."
  }
}

variable "allowed_ip_cidrs" {
  description = "IPv4 ranges whose requests are allowed without the other rules (office networks, partners); empty allows none this way."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.allowed_ip_cidrs : can(regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$", cidr)) && can(cidrhost(cidr, 0))])
    error_message = "allowed_ip_cidrs must hold IPv4 CIDR ranges such as 203.0.113.0/24."
  }
}

variable "blocked_ip_cidrs" {
  description = "IPv4 ranges whose requests are always blocked; empty blocks none this way."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.blocked_ip_cidrs : can(regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$", cidr)) && can(cidrhost(cidr, 0))])
    error_message = "blocked_ip_cidrs must hold IPv4 CIDR ranges such as 198.51.100.0/24."
  }
}

variable "logging_enabled" {
  description = "Whether blocked and counted requests are logged to the CloudWatch log group aws-waf-logs-<name_prefix> (allowed requests are not logged)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the request log, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts, such as 7, 30, 90 or 365."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key that encrypts the request log, or null for CloudWatch Logs' own encryption. Its policy must let logs.<region>.amazonaws.com use it for this log group."
  type        = string
  default     = null
}

variable "feature" {
  description = "Value of the launchpad:feature tag on everything this module creates: the Launchpad feature the resources exist for."
  type        = string
  default     = "waf"

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
