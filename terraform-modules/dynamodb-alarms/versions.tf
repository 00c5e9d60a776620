terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The calling stack pins the exact range; the wrapped metric-alarm module needs less than this.
      version = ">= 6.28"
    }
  }
}
