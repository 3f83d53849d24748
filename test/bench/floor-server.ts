// The floor the check-in benchmark is compared with: the plainest GraphQL insert this stack can serve. Express 5,
// Apollo Server 5 and a type-graphql mutation that stores one row of the visit table (the same partitioned table,
// with its indexes) in one statement and returns it, as a generated CRUD API would. No sign-in, no rules, no audit
// row, no request log. Started by graphql-floor.bench.ts in a process of its own (DATABASE_URL, PORT).
import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import pg from 'pg';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Arg, Field, Float, ID, InputType, Mutation, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });

@InputType()
class VisitInsert {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID) planVersionId!: string;
  @Field(() => String) localDate!: string;
  @Field(() => String) checkInAt!: string;
  @Field(() => Float) checkInLat!: number;
  @Field(() => Float) checkInLng!: number;
  @Field(() => Float) checkInAccuracy!: number;
  @Field(() => ID) recordedBy!: string;
}

@ObjectType()
class VisitRow {
  @Field(() => ID) id!: string;
  @Field(() => String) status!: string;
  @Field(() => String) checkInAt!: string;
}

@Resolver()
class FloorResolver {
  @Query(() => String) ping(): string {
    return 'pong';
  }

  @Mutation(() => VisitRow)
  async createVisit(@Arg('input', () => VisitInsert) i: VisitInsert): Promise<VisitRow> {
    const { rows } = await pool.query({
      name: 'floor_insert',
      text: `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at,
               check_in_lat, check_in_lng, check_in_accuracy, recorded_by)
             values ($1, $2, $3, $4, $5, $6, $7, 'DEVICE', 'OPEN', $8, $9, $10, $11, $12, $13)
             returning id, status, check_in_at as "checkInAt"`,
      values: [i.id, i.poolingArea, i.agencyId, i.caregiverId, i.personId, i.planId, i.planVersionId, i.localDate, i.checkInAt, i.checkInLat, i.checkInLng, i.checkInAccuracy, i.recordedBy],
    });
    return { ...rows[0], checkInAt: new Date(rows[0].checkInAt).toISOString() };
  }
}

const schema = await buildSchema({ resolvers: [FloorResolver], validate: false, emitSchemaFile: false });
const app = express();
const server = http.createServer(app);
const apollo = new ApolloServer({ schema, csrfPrevention: true });
await apollo.start();
app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
app.get('/readyz', (_req, res) => void res.json({ status: 'ready' }));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void apollo.stop().then(() => pool.end()).then(() => process.exit(0));
});
