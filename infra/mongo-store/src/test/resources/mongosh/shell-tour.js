// What a new user tries first in mongosh, one EJSON line per answer for MongoShellTest to read.
const report = (name, value) => print(name + "=" + EJSON.stringify(value, {relaxed: true}));

report("find", db.products.find({category: "brakes"}, {_id: 1}).sort({_id: 1}).toArray());
report("aggregate", db.products.aggregate([{$group: {_id: "$category", n: {$sum: 1}}}, {$sort: {_id: 1}}]).toArray());
report("explainFind", db.products.find({sku: "SKU-1"}).explain().queryPlanner.winningPlan);
report("explainAggregate", db.products.explain().aggregate([{$match: {category: "brakes"}}]).stages[0]);
report("indexes", db.products.getIndexes());
report("dropMissing", db.nothing.drop());

const stream = db.products.watch();
db.products.updateOne({_id: "p1"}, {$set: {price: 99}});
const event = stream.tryNext() || stream.next();
report("watch", {operationType: event.operationType, documentKey: event.documentKey,
    updatedFields: event.updateDescription.updatedFields});
stream.close();
