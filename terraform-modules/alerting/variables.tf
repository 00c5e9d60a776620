variable "name_prefix" {
  description = "Start of every name, <service>-<environment> (for example order-service-prod); the topics are <name_prefix>-<tier>-alerts."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "email_endpoint" {
  description = "Email address subscribed to the topics listed in email_tiers, or null for none. AWS sends it a confirmation mail first."
  type        = string
  default     = null

  validation {
    condition     = var.email_endpoint == null || can(regex("^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$", var.email_endpoint))
    error_message = "email_endpoint must be an email address or null."
  }
}

variable "email_tiers" {
  description = "Which tiers the email_endpoint hears from. Info is left out by default: it carries budget and housekeeping notices, not incidents."
  type        = list(string)
  default     = ["critical", "warning"]

  validation {
    condition     = alltrue([for tier in var.email_tiers : contains(["critical", "warning", "info"], tier)])
    error_message = "email_tiers may only list critical, warning and info."
  }
}

variable "kms_key_deletion_window_days" {
  description = "Days a deleted topic key waits before it is really deleted (7 to 30); messages already queued stay readable meanwhile."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30
    error_message = "kms_key_deletion_window_days must be from 7 to 30."
  }
}

variable "feature" {
  description = "Value of the launchpad:feature tag on everything this module creates: the Launchpad feature the resources exist for."
  type        = string
  default     = "monitoring"

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
