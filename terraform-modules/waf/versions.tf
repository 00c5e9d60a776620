terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The calling stack pins the exact range; evaluation_window_sec of rate-based rules needs 5.x or later.
      version = ">= 6.28"
    }
  }
}
