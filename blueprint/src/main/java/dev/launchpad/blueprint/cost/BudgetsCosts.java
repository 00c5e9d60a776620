package dev.launchpad.blueprint.cost;

/** The monthly AWS budget of each environment. */
final class BudgetsCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "budgets";
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        bill.add("AWS Budgets budget", Stack.DAYS, "budgets.budgetDay", "1 budget × " + Num.of(Stack.DAYS) + " days");
        bill.note("The first 2 budgets of a payer account are free; with many services they are long used up.");
    }
}
