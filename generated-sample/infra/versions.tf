terraform {
  # 1.11 for native state locking in the S3 backend (use_lockfile), without a DynamoDB lock table.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.28 is the floor of the terraform-aws-modules versions used here; stay on the 6.x line.
      version = "~> 6.28"
    }
    random = {
      source = "hashicorp/random"
      # The secrets module generates the JWT signing key as an ephemeral password, new in 3.7.
      version = "~> 3.7"
    }
  }

  # Partial configuration, completed per environment:
  #   terraform init -backend-config=environments/<environment>.backend.hcl
  backend "s3" {}
}
