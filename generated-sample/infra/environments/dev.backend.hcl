# Where the dev environment keeps its Terraform state:
#   terraform init -reconfigure -backend-config=environments/dev.backend.hcl
# Replace the bucket with your team's state bucket (versioning on, in the account of this environment)
# before the first init; the placeholder is not a valid bucket name on purpose.
bucket       = "CHANGE-ME-terraform-state-bucket"
key          = "order-service/dev/terraform.tfstate"
region       = "eu-west-1"
encrypt      = true
use_lockfile = true
